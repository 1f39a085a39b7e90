/**
 * State of one HTTP request kept on its `Request` object, under a symbol of its own. Not a
 * long-lived WeakMap keyed by the request: V8's young-generation collections kept every request
 * in such a map alive until a full collection (0.5 KB a request promoted to the old space, 0 with
 * the property; bench/README.md, "What survives a request").
 */
export interface RequestSlot<T> {
  get(request: Request): T | undefined;
  set(request: Request, value: T): void;
}

export function requestSlot<T>(description: string): RequestSlot<T> {
  const key = Symbol(description);
  return {
    get: (request) => (request as unknown as Record<symbol, T | undefined>)[key],
    set: (request, value) => {
      (request as unknown as Record<symbol, T>)[key] = value;
    },
  };
}
