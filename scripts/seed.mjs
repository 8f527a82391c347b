#!/usr/bin/env node
// npm run seed: tags ../shared/articles/seed-kyiv-independent.txt and prints the output and its checks.
// A script, not a test: the seed is not in the repo (users clone without ../shared).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagArticle } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, '..', 'shared', 'articles', 'seed-kyiv-independent.txt');
if (!existsSync(file)) {
  console.log(`seed: ${file} is absent; nothing to check.`);
  process.exit(0);
}
const text = readFileSync(file, 'utf8');
const out = tagArticle(text, { publishedAt: '2023-08-11' });
const withChrome = tagArticle(text, { publishedAt: '2023-08-11', keepChrome: true });
if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));

const checks = [];
const check = (name, ok) => checks.push([ok ? 'ok  ' : 'FAIL', name]);
const person = (n) => out.people.find((p) => p.name === n);
const place = (re) => out.places.find((p) => re.test(p.name) || p.mentions.some((m) => re.test(m.text)));
const korolev = person('Ivan Korolev');
check('Ivan Korolev found', !!korolev);
check('Korolev: title Lieutenant', !!korolev?.titles.includes('Lieutenant'));
check('Korolev: nationality RU', korolev?.nationality === 'RU');
check(
  'Korolev: 5 name mentions, incl. the one in "Korolev\'s"',
  (korolev?.mentions.length ?? 0) >= 5 && !!korolev?.mentions.some((m) => text.slice(m.end, m.end + 2) === "'s"),
);
for (const [name, re, zone] of [
  ['Lithuania', /^Lithuania$/],
  ['Vilnius', /^Vilnius$/],
  ['Russia', /^Russia$/],
  ['Ukraine', /^Ukraine$/],
  ['Pabrade', /^Pabrad/],
  ['Teysin', /^Teysin$/],
  ['Khabarovsk Krai', /^Khabarovsk/],
  ['Belarus (caption)', /^Belarus$/, 'caption'],
  ['Dieveniskes (caption)', /^Dieveni/, 'caption'],
]) {
  const p = place(re);
  check(
    `place ${name}${p ? ` → ${p.countryCode ?? '-'} ${p.geonameId ?? 'null'}` : ''}`,
    !!p && (!zone || p.mentions.some((m) => m.zone === zone)),
  );
}
check(
  'BBC organization',
  out.organizations.some((o) => o.name === 'BBC'),
);
for (const [t, v] of [
  ['Aug. 11', '2023-08-11'],
  ['Aug. 10', '2023-08-10'],
  ['August 3', '2023-08-03'],
  ['July 10, 2023', '2023-07-10'],
])
  check(
    `date ${t} → ${v}`,
    out.dates.some((d) => d.text.startsWith(t) && d.value === v),
  );
// Both direct quotes ("On August 3, …" and the verbless "At the moment …") attributed to him, whether as two quotes
// or as one quote with two fragments.
const korolevDirect = out.quotes.filter((q) => q.kind === 'direct' && q.speaker?.name === 'Ivan Korolev');
const fragments = korolevDirect.flatMap((q) => q.fragments.map((f) => f.text));
check(
  'both Korolev quotes attributed to Ivan Korolev',
  fragments.some((f) => f.startsWith('"On August 3')) && fragments.some((f) => f.startsWith('"At the moment')),
);
const topics = out.topics.map((t) => t.id);
check(
  `topics include asylum and border (${topics.join(', ')})`,
  topics.includes('asylum') && topics.includes('border'),
);
check(
  'Martin Fornusek is the author, not a person',
  out.authors.some((a) => a.name === 'Martin Fornusek') && !person('Martin Fornusek'),
);
const teaser = ['Shmyhal', 'Fedorov', 'Budanov', 'Palisa', 'Kyslytsya'];
check('teaser people absent without keepChrome', !out.people.some((p) => teaser.some((t) => p.name.includes(t))));
check(
  'teaser people present with keepChrome',
  teaser.every((t) => withChrome.people.some((p) => p.name.includes(t))),
);
check('teaser quote absent', !out.quotes.some((q) => q.text.includes('That’s it')));
check('bio 2021 not a date', !out.dates.some((d) => d.text.includes('2021')));
check(
  'no chrome mentions',
  [...out.people, ...out.places, ...out.organizations].every((e) =>
    e.mentions.every((m) => ['headline', 'dateline', 'body', 'caption'].includes(m.zone)),
  ),
);
for (const [s, n] of checks) console.log(`${s} ${n}`);
const failed = checks.filter(([s]) => s === 'FAIL').length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
