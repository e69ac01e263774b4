/**
 * The live pose worker's wasm thread pool: an explicit choice, not tfjs's default (half the logical
 * cores). Chosen from bench/live_bench.ts on this project's 2-core machine (docs/pose.md "Live").
 */
let override: number | null = null;

export function defaultLiveWasmThreads(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  void cores;
  return 1;
}

/** For the bench: the next live worker uses this many threads (null: the default). */
export function setLiveWasmThreads(threads: number | null): void {
  override = threads;
}

export function liveWasmThreads(): number {
  return override ?? defaultLiveWasmThreads();
}
