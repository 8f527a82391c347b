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
  try {
    for (;;) {
      while (!exhausted && inFlight.length < limit) {
        const next = await it.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        inFlight.push(fn(next.value));
      }
      const head = inFlight.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    // The consumer stopped early (break, throw) or the source threw: close the source if it is still open, and let
    // the records already started settle so none keeps running unobserved.
    if (!exhausted) await it.return?.();
    await Promise.allSettled(inFlight);
  }
}
