/**
 * Where a quiz keeps the learner's progress. `local` (default) and `session` use Web Storage;
 * `none` keeps it in memory only. A host (an LMS) may supply its own `QuizStorage`. Storage that is
 * missing, full, or throws (Safari private mode, sandboxed iframes, blocked cookies) never breaks
 * the quiz: it falls back to memory.
 */
export interface QuizStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}

export function memoryStorage(): QuizStorage {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
}

/** Web Storage if it works, else memory. */
export function webStorage(kind: 'local' | 'session'): QuizStorage {
  const memory = memoryStorage();
  let store: Storage | undefined;
  try {
    store = kind === 'session' ? sessionStorage : localStorage;
  } catch {
    store = undefined;
  }
  const guard = <T>(f: (s: Storage) => T, fallback: () => T): T => {
    if (!store) return fallback();
    try {
      return f(store);
    } catch {
      store = undefined; // stop trying after the first failure; keep working in memory
      return fallback();
    }
  };
  return {
    get: (k) => guard((s) => s.getItem(k), () => memory.get(k) as string | null),
    set: (k, v) => guard((s) => s.setItem(k, v), () => memory.set(k, v) as void),
    remove: (k) => guard((s) => s.removeItem(k), () => memory.remove(k) as void),
  };
}

/** Calls a storage method without letting a throwing or rejecting provider escape. */
export async function safely<T>(f: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch {
    return undefined;
  }
}

/**
 * Read a key and hand the value to `use`: at once for a synchronous store (Web Storage), so the
 * first render already shows where the learner was; after the promise for an async one. A store
 * that throws or rejects reads as null.
 */
export function readStorage(store: QuizStorage, key: string, use: (value: string | null) => void): void {
  let value: unknown;
  try {
    value = store.get(key);
  } catch {
    value = null;
  }
  if (value && typeof (value as Promise<unknown>).then === 'function') {
    void safely(() => value as Promise<unknown>).then((v) => use(typeof v === 'string' ? v : null));
  } else {
    use(typeof value === 'string' ? value : null);
  }
}
