/**
 * The upload pipeline's pose workers (video_pose_worker.ts): loaded once per model and kept for
 * the life of the page (a model takes seconds to load and warm up), lent to one clip at a time.
 *
 * How many workers and how many wasm threads each is an explicit choice (UploadPoseConfig), made
 * from the bench (docs/pose.md "Using every core"), never left to tfjs's default.
 */
import * as Comlink from 'comlink';
import type { PoseFrameWithPeople } from '../pose/person_types';
import { startPoseWorker, type PoseWorkerClientConfig } from '../pose/pose_worker_client';
import type { BackendName, PoseModelName } from '../pose/types';
import { VideoInputError, type VideoInputErrorCode } from '../video/video_input_error';
import type { PoseRangeRequest, PoseRangeStats, VideoPoseWorkerApi, WorkerError } from './video_pose_worker';

export interface UploadPoseConfig {
  /** Pose workers sharing one clip, each on a contiguous part (video_parts.ts). */
  workers: number;
  /** wasm threads inside each worker. */
  wasmThreads: number;
  /** For the bench: how tracked frames' landmark input is cut (PoseEstimatorConfig.landmarkCrop; default 'rgba'). */
  landmarkCrop?: 'rgba' | 'tfjs';
}

/**
 * One worker per core, one wasm thread each; bench/upload_bench.ts measures it side by side with
 * the other candidates (1 worker x N threads, N x N) on the machine it runs on. Capped at 4 workers:
 * each holds its own copy of the model and its own decoder.
 */
export function defaultUploadPoseConfig(cores = globalThis.navigator?.hardwareConcurrency ?? 2): UploadPoseConfig {
  return { workers: Math.max(1, Math.min(4, Math.floor(cores) || 1)), wasmThreads: 1 };
}

let configOverride: UploadPoseConfig | null = null;

/** For the bench and tests: use this instead of the default (null restores it). */
export function setUploadPoseConfig(config: UploadPoseConfig | null): void {
  configOverride = config;
}

export function uploadPoseConfig(): UploadPoseConfig {
  return configOverride ?? defaultUploadPoseConfig();
}

export interface VideoPoseWorkerClient {
  readonly model: PoseModelName;
  readonly backend: BackendName;
  readonly backendReason: string;
  readonly threads?: number;
  /** Poses a range of `file`; throws a VideoInputError (or Error) the way the page would. */
  poseRange(file: Blob, request: PoseRangeRequest, onFrames: (frames: PoseFrameWithPeople[]) => void): Promise<PoseRangeStats>;
  cancel(): void;
  dispose(): void;
}

function toError(error: WorkerError): Error {
  return error.code ? new VideoInputError(error.code as VideoInputErrorCode, error.message, error.hint ?? '') : new Error(error.message);
}

export async function createVideoPoseWorker(config: PoseWorkerClientConfig): Promise<VideoPoseWorkerClient> {
  const worker = new Worker(new URL('./video_pose_worker.ts', import.meta.url), { type: 'module', name: 'video-pose' });
  const { remote, info, crashed, end } = await startPoseWorker<VideoPoseWorkerApi>(worker, 'video pose worker', config);
  let disposed = false;
  return {
    model: config.model,
    ...info,
    async poseRange(file, request, onFrames) {
      if (disposed) throw new Error('video pose worker used after dispose()');
      const outcome = await Promise.race([remote.poseRange(file, request, Comlink.proxy(onFrames)), crashed]);
      if (!outcome.ok) throw toError(outcome.error);
      return outcome.stats;
    },
    cancel() {
      if (!disposed) void remote.cancel();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      end();
    },
  };
}

interface ModelPool {
  wasmThreads: number;
  landmarkCrop?: 'rgba' | 'tfjs';
  workers: Promise<VideoPoseWorkerClient>[];
}

const pools = new Map<PoseModelName, ModelPool>();
const queues = new Map<PoseModelName, Promise<void>>();

/** Test seam: how workers are made. */
let makeWorker: (config: PoseWorkerClientConfig) => Promise<VideoPoseWorkerClient> = createVideoPoseWorker;
export function setVideoPoseWorkerFactory(factory: ((config: PoseWorkerClientConfig) => Promise<VideoPoseWorkerClient>) | null): void {
  makeWorker = factory ?? createVideoPoseWorker;
}

function ensureWorkers(pool: ModelPool, model: PoseModelName, count: number): void {
  while (pool.workers.length < count) {
    const pending = makeWorker({ model, wasmThreads: pool.wasmThreads, ...(pool.landmarkCrop ? { landmarkCrop: pool.landmarkCrop } : {}) });
    // A failed load must not poison the pool: the next clip tries again.
    pending.catch(() => {
      pool.workers = pool.workers.filter((w) => w !== pending);
    });
    pool.workers.push(pending);
  }
}

/**
 * The first worker is loaded alone: on webgl (a real GPU) one worker is all there is, since
 * several WebGL contexts only take turns on the same GPU.
 */
async function workersFor(model: PoseModelName, count: number, wasmThreads: number, landmarkCrop?: 'rgba' | 'tfjs'): Promise<VideoPoseWorkerClient[]> {
  let pool = pools.get(model);
  if (pool && (pool.wasmThreads !== wasmThreads || pool.landmarkCrop !== landmarkCrop)) {
    // A thread pool is fixed when a worker's wasm module starts: other sizes need new workers.
    for (const w of pool.workers) void w.then((c) => c.dispose()).catch(() => undefined);
    pool = undefined;
  }
  if (!pool) {
    pool = { wasmThreads, landmarkCrop, workers: [] };
    pools.set(model, pool);
  }
  ensureWorkers(pool, model, 1);
  const first = await pool.workers[0];
  if (first.backend !== 'wasm' && first.backend !== 'cpu') return [first];
  ensureWorkers(pool, model, count);
  return Promise.all(pool.workers.slice(0, count));
}

/** Ends every pooled worker (tests, and the bench between configurations). */
export function disposeVideoPoseWorkers(): void {
  for (const pool of pools.values()) for (const w of pool.workers) void w.then((c) => c.dispose()).catch(() => undefined);
  pools.clear();
}

export interface VideoPoseLease {
  workers: VideoPoseWorkerClient[];
  release: () => void;
}

/**
 * Exclusive use of `count` workers of `model` for one clip. BlazePose tracks a person from frame to
 * frame, so two clips on the same workers at once would corrupt each other's tracking; a second
 * clip waits for the first (onWait says so: the wait can last a whole analysis).
 */
export async function acquireVideoPoseWorkers(
  model: PoseModelName,
  options: { count: number; wasmThreads: number; landmarkCrop?: 'rgba' | 'tfjs'; onWait?: () => void },
): Promise<VideoPoseLease> {
  const busy = queues.get(model);
  const previous = busy ?? Promise.resolve();
  if (busy) options.onWait?.();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  queues.set(model, tail);
  await previous;
  const free = () => {
    if (queues.get(model) === tail) queues.delete(model);
    release();
  };
  try {
    const workers = await workersFor(model, Math.max(1, options.count), options.wasmThreads, options.landmarkCrop);
    let released = false;
    return {
      workers,
      release: () => {
        if (released) return;
        released = true;
        free();
      },
    };
  } catch (error) {
    free();
    throw error;
  }
}
