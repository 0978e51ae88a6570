/**
 * A bounded async queue of chunks between one producer and one consumer (a COPY stream), so the
 * generator waits when the database falls behind instead of filling memory.
 * @param {number} max chunks held before push() waits
 */
export function channel(max = 8) {
  /** @type {(string | Buffer)[]} */
  const q = [];
  /** @type {(() => void)[]} */
  const producers = [];
  /** @type {(() => void)[]} */
  const consumers = [];
  let closed = false;
  /** @type {Error | null} */
  let failed = null;
  const wake = (list) => {
    const all = list.splice(0);
    for (const f of all) f();
  };
  return {
    /** @param {string | Buffer} chunk */
    async push(chunk) {
      while (q.length >= max && !failed) await new Promise((r) => producers.push(() => r(undefined)));
      if (failed) throw failed;
      q.push(chunk);
      wake(consumers);
    },
    close() {
      closed = true;
      wake(consumers);
    },
    /** The consumer gave up: the producer's next push throws. */
    fail(e) {
      failed = e;
      wake(producers);
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (q.length) {
          const c = /** @type {string | Buffer} */ (q.shift());
          wake(producers);
          yield c;
        } else if (closed) return;
        else await new Promise((r) => consumers.push(() => r(undefined)));
      }
    },
  };
}
