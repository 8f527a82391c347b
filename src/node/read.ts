import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { ArticleTooLargeError, InvalidInputError } from '../errors.js';
import { DEFAULT_MAX_LENGTH } from '../options.js';

/**
 * Most bytes a text of `maxLength` UTF-16 code units can take in UTF-8 (3 bytes per code unit, the BMP worst case;
 * a 4-byte character is 2 code units). Reading stops past this, so a huge file or stream is never held in memory.
 */
export function byteLimit(maxLength: number): number {
  return maxLength * 3 + 3; // + a BOM
}

/** `maxLength` as the core will read it, or the default when absent or not a positive integer (the core reports that). */
export function maxLengthOf(options: { maxLength?: unknown } | undefined): number {
  const m = options?.maxLength;
  return typeof m === 'number' && Number.isInteger(m) && m > 0 ? m : DEFAULT_MAX_LENGTH;
}

/**
 * Throws the core's ArticleTooLargeError without decoding the bytes: `length` is then a lower bound of the character
 * count (at least a third of the bytes, less a BOM), which is already over `maxLength`.
 */
export function tooLarge(what: string, bytes: number, maxLength: number, atLeast: boolean): never {
  const e = new ArticleTooLargeError(Math.ceil((bytes - 3) / 3), maxLength);
  e.message = `${what} is ${atLeast ? 'over ' : ''}${bytes} bytes, too large for maxLength ${maxLength} characters`;
  throw e;
}

/**
 * Decodes UTF-8 bytes strictly and strips a byte-order mark. Invalid UTF-8, or a NUL byte (UTF-16 text or binary
 * data; no article contains one), throws InvalidInputError naming `what`.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (!isUtf8(bytes)) {
    const hint = bytes[0] === 0xff || bytes[0] === 0xfe ? ' (it starts with a UTF-16 byte-order mark)' : '';
    throw new InvalidInputError(`${what} is not UTF-8 text${hint}`);
  }
  if (bytes.includes(0))
    throw new InvalidInputError(`${what} is not UTF-8 text (it contains NUL bytes: UTF-16 or binary?)`);
  // TextDecoder strips a leading BOM by default (ignoreBOM: false).
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Reads a whole file, refusing one larger than `limit` bytes without reading it all. fs errors (ENOENT...) pass through. */
export async function readFileBounded(path: string, limit: number, maxLength: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (st.isDirectory()) {
      const e = new Error(`EISDIR: illegal operation on a directory, read '${path}'`) as NodeJS.ErrnoException;
      e.code = 'EISDIR';
      e.path = path;
      throw e;
    }
    if (st.isFile() && st.size > limit) tooLarge(path, st.size, maxLength, false);
    // Not trusting st.size alone (pipes, /proc files report 0): read in chunks up to limit + 1.
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buf = new Uint8Array(Math.min(1 << 20, limit + 1 - total));
      if (buf.length === 0) tooLarge(path, limit, maxLength, true);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    return concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** Reads a stream (stdin) to its end, refusing more than `limit` bytes. */
export async function readStreamBounded(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
  maxLength: number,
  what: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > limit) tooLarge(what, limit, maxLength, true);
    chunks.push(bytes);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
