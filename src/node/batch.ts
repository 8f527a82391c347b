/**
 * Maps `source` through `fn` with at most `limit` records in flight, yielding results in input order. "In flight"
 * counts every record pulled from the source and not yet yielded: that is the whole buffer, so a slow consumer or a
 * slow record never makes it read further ahead. Pulls from the source are serialised (one `next()` at a time), so
 * any async iterator is safe to pass. `fn` must not reject (callers capture errors per record).
 */
export async function* orderedMap<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const it: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  const inFlight: Promise<R>[] = [];
  let exhausted = false;
  // A source that throws: the records it gave before are still yielded, then its error is thrown.
  let sourceError: { error: unknown } | null = null;
  try {
    for (;;) {
      while (!exhausted && inFlight.length < limit) {
        let next: IteratorResult<T>;
        try {
          next = await it.next();
        } catch (error) {
          sourceError = { error };
          exhausted = true;
          break;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        inFlight.push(fn(next.value));
      }
      const head = inFlight.shift();
      if (head === undefined) {
        if (sourceError) throw sourceError.error;
        return;
      }
      yield await head;
    }
  } finally {
    // The consumer stopped early (break, throw) or the source threw: close the source if it is still open, and let
    // the records already started settle so none keeps running unobserved.
    if (!exhausted) await it.return?.();
    await Promise.allSettled(inFlight);
  }
}
