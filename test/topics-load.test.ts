import { describe, expect, it } from 'vitest';
import { TOPIC_ROWS } from '../src/data/topics.generated.js';
import { builtinCompiled, compileRows, serializeTrie } from '../src/stages/topics/taxonomy.js';
import type { TopicRow } from '../src/stages/topics/types.js';

// The built-in taxonomy loads from the trie precompiled into src/data/topics.generated.ts: it must be exactly what
// compiling the rows gives (else `npx tsx scripts/build-data.ts topics` was not run after a change to the rows or to
// the compiler).
describe('built-in taxonomy: precompiled trie', () => {
  it('equals the trie compiled from the rows', () => {
    const fromRows = compileRows(TOPIC_ROWS as TopicRow[]);
    const loaded = builtinCompiled();
    expect(loaded.vocab).toEqual(fromRows.vocab);
    expect(loaded.entries).toEqual(fromRows.entries);
    expect(loaded.threshold).toBe(fromRows.threshold);
    expect(serializeTrie(loaded)).toEqual(serializeTrie(fromRows));
  });

  it('round-trips a small taxonomy through serializeTrie', () => {
    const rows: TopicRow[] = [
      {
        id: 'a',
        parent: null,
        iptc: null,
        weight: 1,
        label: 'A',
        triggers: ['drone strike', '=Senate^0.5'],
        negatives: ['strike out'],
      },
      { id: 'b', parent: 'a', iptc: null, weight: 2, label: 'B', triggers: ['days', 'su'], negatives: [] },
    ];
    const c = compileRows(rows);
    const t = serializeTrie(c);
    expect(t.vocab.length).toBe(c.vocab.size);
    expect(t.hits.length).toBe(5);
    expect(t.hits.filter((h) => h[4] === 1).length).toBe(1);
    expect(t.hits.find((h) => h[5] !== null)?.[5]).toEqual(['Senate']);
  });
});
