/** How a DataLoader batch calls ECGrid, which takes no several keys at once: parallel single calls. */

/** Calls `call` for each key (at most as many at once as `limit` lets run), each key its own value or error. */
export const each =
  <K, V>(call: (key: K) => Promise<V>, limit: <T>(run: () => Promise<T>) => Promise<T> = (run) => run()) =>
  (keys: readonly K[]) =>
    Promise.all(keys.map((key) => limit(() => call(key)).catch((error: unknown) => toError(error))));

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
