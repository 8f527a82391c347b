/**
 * Streaming line reader for JSONL input: yields one line at a time with its 1-based number and byte length, never
 * holding more than one line (bounded by `maxBytes`) in memory. A longer line is skipped without being kept and
 * yielded with `text: null`; a line that is not UTF-8 is yielded with `invalidUtf8: true`.
 */

/** One line of input. */
export interface Line {
  /** 1-based line number. */
  line: number;
  /** The line without its end of line (\n or \r\n); null when it was over `maxBytes` or not UTF-8. */
  text: string | null;
  /** Bytes the line took in the input, end of line included (for progress). */
  bytes: number;
  /** Why text is null. */
  problem?: 'too-long' | 'not-utf8';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(parts: Uint8Array[], total: number): string | null {
  let bytes: Uint8Array;
  if (parts.length === 1) bytes = parts[0]!;
  else {
    bytes = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
  }
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  try {
    return decoder.decode(bytes.subarray(0, end));
  } catch {
    return null;
  }
}

/** Splits a byte stream into lines (see the module comment). A final line without an end of line is yielded too. */
export async function* readLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Line, void, undefined> {
  let parts: Uint8Array[] = [];
  let partBytes = 0; // bytes of the current line so far (kept or not)
  let tooLong = false;
  let lineNo = 0;
  let first = true;
  for await (const raw of stream) {
    let chunk = typeof raw === 'string' ? new TextEncoder().encode(raw) : raw;
    if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      chunk = chunk.subarray(3); // a byte-order mark before the first record
    }
    first = first && chunk.length === 0;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      partBytes += piece.length;
      if (!tooLong) {
        if (partBytes > maxBytes) {
          tooLong = true;
          parts = [];
        } else if (piece.length > 0) parts.push(piece.slice());
      }
      if (nl === -1) break;
      lineNo++;
      yield lineOf(lineNo, parts, partBytes, tooLong);
      parts = [];
      partBytes = 0;
      tooLong = false;
      start = nl + 1;
    }
  }
  if (partBytes > 0 || tooLong) {
    lineNo++;
    const l = lineOf(lineNo, parts, partBytes, tooLong);
    l.bytes--; // no end of line
    yield l;
  }
}

function lineOf(line: number, parts: Uint8Array[], partBytes: number, tooLong: boolean): Line {
  if (tooLong) return { line, text: null, bytes: partBytes + 1, problem: 'too-long' };
  const text = decode(parts, partBytes);
  return text === null
    ? { line, text: null, bytes: partBytes + 1, problem: 'not-utf8' }
    : { line, text, bytes: partBytes + 1 };
}
