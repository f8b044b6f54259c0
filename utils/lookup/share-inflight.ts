// Identical questions asked while one is on the wire share its promise: ten hovers over the
// same name in a second cost one request.

export type SharedRunner<T> = (key: string, run: () => Promise<T>) => Promise<T>;

export function createInflightSharing<T>(): SharedRunner<T> {
  const pending = new Map<string, Promise<T>>();
  return (key, run) => {
    const existing = pending.get(key);
    if (existing) return existing;
    const promise = run().finally(() => pending.delete(key));
    pending.set(key, promise);
    return promise;
  };
}
