/**
 * How the live loop uses the cores: how many pose workers take camera frames in turn, and each
 * one's wasm thread pool (an explicit choice, not tfjs's default of half the logical cores).
 * Chosen from bench/live_bench.ts on this project's 2-core machine (docs/pose.md, "Live and
 * single frames"): XNNPACK's pool does not pay for a model as small as lite; a second worker
 * keeps the loop up where one lite run takes longer than a camera frame.
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

let holdOverride: boolean | null = null;

/**
 * Whether the live loop holds the newest camera frame that found every worker busy and sends it
 * when one frees (live_pose_loop.ts), rather than dropping it. On by default; the bench turns it
 * off to measure the difference in the same run.
 */
export function setLiveHoldNewest(hold: boolean | null): void {
  holdOverride = hold;
}

export function liveHoldNewest(): boolean {
  return holdOverride ?? true;
}
