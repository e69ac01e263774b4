/**
 * The report's playhead time, shared by the video, the charts and the tables without
 * re-rendering React on every animation frame: subscribers update their own DOM.
 */
export interface TimeStore {
  get(): number;
  set(t: number): void;
  subscribe(listener: (t: number) => void): () => void;
}

export function createTimeStore(initial = 0): TimeStore {
  let current = initial;
  const listeners = new Set<(t: number) => void>();
  return {
    get: () => current,
    set(t) {
      if (t === current) return;
      current = t;
      for (const listener of listeners) listener(t);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
