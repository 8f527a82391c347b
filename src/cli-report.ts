/**
 * What the CLI commands share for errors: the error kinds and how one is reported (exit code 2 for usage, 1 for bad
 * input, one stderr line per problem, a stack trace only with --debug).
 */
import { ArticleTooLargeError, InvalidInputError, InvalidOptionsError } from './errors.js';

export const NAME = 'article-tagger';

/** Wrong command line (exit 2). */
export class UsageError extends Error {}

/** Bad input or option values; `problems` holds one message per problem (one line each). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

/** One line: the message's lines trimmed and joined (split, not a backtracking regex). */
export function oneLine(s: string): string {
  return s
    .split(/[\r\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
}

/** Writes `e` to stderr as `prefix: …` lines and returns the exit code (2 usage, 1 everything else). */
export function reportError(e: unknown, prefix: string, helpCommand: string, debug: boolean): number {
  const err = e instanceof Error ? e : new Error(String(e));
  let code = 1;
  let message = err.message;
  if (err instanceof UsageError) {
    code = 2;
    message = `${message} (see ${helpCommand} --help)`;
  } else if (
    !(err instanceof InputError) &&
    !(err instanceof InvalidInputError) &&
    !(err instanceof InvalidOptionsError) &&
    !(err instanceof ArticleTooLargeError)
  ) {
    // Anything else is a bug of ours, not bad input: still one line (unless --debug), but say so.
    message = `internal error: ${message} (run with --debug for a stack trace; please report it)`;
  }
  // One line per problem: several bad options are all named, each on its own line.
  const problems =
    err instanceof InputError && err.problems.length > 1
      ? err.problems
      : err instanceof InvalidOptionsError && err.issues.length > 1
        ? err.issues.map((i) => `${i.path}: ${i.message}`)
        : [message];
  if (debug) process.stderr.write(`${err.stack ?? message}\n`);
  else for (const p of problems) process.stderr.write(`${prefix}: ${oneLine(p)}\n`);
  return code;
}
