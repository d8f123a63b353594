/**
 * Answers kept by key, the most recently used last and at most `keep` of them: the same work
 * asked for again gets the same (possibly still pending) answer. A failure — a rejection, or a
 * value `failed` calls one — is not kept, so the next request tries again.
 */
export interface KeptPromises<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function keptPromises<T>(keep: number, failed: (value: T) => boolean = () => false): KeptPromises<T> {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key, compute) {
      const kept = entries.get(key);
      if (kept) {
        entries.delete(key);
        entries.set(key, kept);
        return kept;
      }
      const computing = compute();
      entries.set(key, computing);
      const forget = () => {
        if (entries.get(key) === computing) entries.delete(key);
      };
      computing.then((value) => failed(value) && forget(), forget);
      while (entries.size > keep) entries.delete(entries.keys().next().value!);
      return computing;
    },
    clear: () => entries.clear(),
  };
}
