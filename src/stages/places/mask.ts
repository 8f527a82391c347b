/**
 * Per-article masks of character offsets (which offsets a candidate or a mention covers), in buffers reused from
 * article to article: allocating a typed array per article cost more than the scans that read it (~0.02 ms per
 * 1,000 words of the place stage's ~0.7 measured on 1,763 articles). Each MaskBuffer serves one use at a time; the
 * stage is synchronous, and a mask is read only until its buffer's next `zeroed` call.
 */
export class MaskBuffer {
  private buf: Uint8Array = new Uint8Array(0);

  /** A mask of at least `n` zero bytes (only the first `n` are zeroed and meaningful). */
  zeroed(n: number): Uint8Array {
    // A huge text gets a mask of its own: a reused buffer never holds more than MAX_KEPT bytes.
    if (n > MAX_KEPT) return new Uint8Array(n);
    if (this.buf.length < n) this.buf = new Uint8Array(Math.min(MAX_KEPT, Math.max(n, 2 * this.buf.length, 4096)));
    this.buf.fill(0, 0, n);
    return this.buf;
  }
}

const MAX_KEPT = 1 << 20;
