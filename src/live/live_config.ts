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

let workersOverride: number | null = null;

/**
 * Live pose workers, each taking every other camera frame (live_pose_pool.ts): one per logical
 * core, at most two. A third would leave nothing for the page, the camera and MediaRecorder on
 * a 2-core machine, and two already leave each worker half idle at 30 fps.
 */
export function defaultLiveWorkers(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(2, Math.floor(cores)));
}

/** For the bench: the next live camera start uses this many workers (null: the default). */
export function setLiveWorkers(workers: number | null): void {
  workersOverride = workers;
}

export function liveWorkers(): number {
  return workersOverride ?? defaultLiveWorkers();
}
