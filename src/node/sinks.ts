/**
 * Crash-safe JSONL output for `article-tagger batch`: lines are buffered and written whole (one write call per flush,
 * never a partial line from us), flushed at least every `flushMs`, and fsynced at checkpoints. On resume, `scanJsonl`
 * reads what a previous run wrote, drops a torn last line (a crash in the middle of a write) by truncating the file
 * to its last complete line, and returns the key of every complete line.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/** An append-only JSONL file written in whole lines. */
export class LineSink {
  private readonly fd: number;
  private buf: string[] = [];
  private bufChars = 0;
  private lastFlush = Date.now();
  private lastSync = Date.now();
  private dirty = false;
  /** Lines written to the file (not counting the buffer). */
  written = 0;

  constructor(
    readonly path: string,
    mode: 'append' | 'truncate',
    private readonly flushMs = 250,
    private readonly syncMs = 5_000,
  ) {
    this.fd = openSync(path, mode === 'append' ? 'a' : 'w');
  }

  /** Queues one line (no newline inside: JSON.stringify output). */
  push(line: string): void {
    this.buf.push(line);
    this.bufChars += line.length + 1;
    if (this.bufChars >= 256 * 1024 || Date.now() - this.lastFlush >= this.flushMs) this.flush();
  }

  /** Writes the buffered lines in one call; fsyncs when the last checkpoint is older than `syncMs`. */
  flush(): void {
    if (this.buf.length > 0) {
      const data = Buffer.from(`${this.buf.join('\n')}\n`, 'utf8');
      let at = 0;
      while (at < data.length) at += writeSync(this.fd, data, at, data.length - at);
      this.written += this.buf.length;
      this.buf = [];
      this.bufChars = 0;
      this.dirty = true;
    }
    this.lastFlush = Date.now();
    if (this.dirty && Date.now() - this.lastSync >= this.syncMs) this.sync();
  }

  /** A checkpoint: what was written is on disk. */
  sync(): void {
    if (this.dirty) fsyncSync(this.fd);
    this.dirty = false;
    this.lastSync = Date.now();
  }

  close(): void {
    this.flush();
    this.sync();
    closeSync(this.fd);
  }
}

/** A set of line numbers in one bit each: 10 million lines take 1.25 MB (a Set of them would take hundreds). */
export class LineSet {
  private bits = new Uint8Array(1024);
  size = 0;
  add(n: number): void {
    const i = n >>> 3;
    if (i >= this.bits.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const m = 1 << (n & 7);
    if (!(this.bits[i]! & m)) {
      this.bits[i]! |= m;
      this.size++;
    }
  }
  has(n: number): boolean {
    const i = n >>> 3;
    return i < this.bits.length && (this.bits[i]! & (1 << (n & 7))) !== 0;
  }
}

/** What `scanJsonl` found. */
export interface Scan {
  /** Complete lines for which `onRecord` returned true. */
  lines: number;
  /** Bytes of a torn last line dropped (0 when the file ended with a newline). */
  tornBytes: number;
}

/**
 * Reads a JSONL file written by a previous run (missing file: empty), passes each complete line's object to
 * `onRecord` (true: it was a record), and truncates a torn last line away. Streams the file in chunks.
 */
export function scanJsonl(path: string, onRecord: (obj: Record<string, unknown>) => boolean): Scan {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, tornBytes: 0 };
    throw e;
  }
  let lines = 0;
  let tornBytes = 0;
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(1 << 20);
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let pos = 0;
    let lastNl = -1; // file offset of the last newline
    while (pos < size) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, start);
        if (nl === -1 || nl >= n) {
          carry.push(Buffer.from(chunk.subarray(start, n)));
          carryBytes += n - start;
          break;
        }
        const line = Buffer.concat([...carry, chunk.subarray(start, nl)]).toString('utf8');
        carry = [];
        carryBytes = 0;
        lastNl = pos + nl;
        start = nl + 1;
        if (line.trim() === '') continue;
        try {
          const obj = JSON.parse(line) as unknown;
          if (obj && typeof obj === 'object' && onRecord(obj as Record<string, unknown>)) lines++;
        } catch {
          // a damaged complete line is not a record: its record is redone
        }
      }
      pos += n;
    }
    if (carryBytes > 0) {
      tornBytes = carryBytes;
      ftruncateSync(fd, lastNl + 1);
      fsyncSync(fd);
    }
  } finally {
    closeSync(fd);
  }
  return { lines, tornBytes };
}
