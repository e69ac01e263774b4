/**
 * Browser side of the pose benchmark (bench/run.ts drives it in headless Chromium).
 * Frames are RGBA bytes served by the runner at /__bench/frame/<i> (intercepted in Playwright,
 * so nothing leaves the page's origin). Two loops:
 *   raw:    estimator.estimate() on the main thread (pose-detection's estimatePoses + our mapping)
 *   worker: the app's worker client (ImageBitmap transferred to the Web Worker per frame)
 * and, in runParallel, the bare loop (pose_loop.ts) in several Web Workers at once, each holding
 * its own copy of the frames.
 */
import { createPoseEstimator } from '../src/pose/pose_estimator';
import { createPoseWorkerClient } from '../src/pose/pose_worker_client';
import type { PoseFrame } from '../src/core/types';
import type { BackendName, PoseModelName, RgbaFrame } from '../src/pose/types';

export interface BrowserBenchRequest {
  model: PoseModelName;
  mode: 'raw' | 'worker';
  /** raw mode only: hand the estimator RGBA bytes instead of ImageBitmaps (to compare with Node). */
  input?: 'bitmap' | 'rgba';
  backend?: BackendName | 'auto';
  /** wasm thread pool size (worker mode: each worker's). Default: tfjs's own. */
  threads?: number;
  width: number;
  height: number;
  /** Frames served at /__bench/frame/<i>; the first `warmup` are run but not measured, then the rest in order. */
  frameCount: number;
  warmup: number;
  /** Frame rate of the clip, for timestamps. */
  fps?: number;
  keepFrames?: boolean;
}

export interface BrowserBenchResult {
  model: PoseModelName;
  mode: 'raw' | 'worker';
  backend: BackendName;
  backendReason: string;
  /** wasm threads the model ran on. */
  threads?: number;
  crossOriginIsolated: boolean;
  msPerFrame: number[];
  personFrames: number;
  loadMs: number;
  /** The measured frames' results, when asked for (keepFrames). */
  poses?: PoseFrame[];
}

type FrameRequest = Pick<BrowserBenchRequest, 'frameCount' | 'width' | 'height'>;

type BenchRgba = RgbaFrame & { data: Uint8ClampedArray<ArrayBuffer> };

async function loadRgba(req: FrameRequest): Promise<BenchRgba[]> {
  const rgba: BenchRgba[] = [];
  for (let i = 0; i < req.frameCount; i++) {
    const res = await fetch(`/__bench/frame/${i}`);
    if (!res.ok) throw new Error(`bench frame ${i}: HTTP ${res.status}`);
    rgba.push({ data: new Uint8ClampedArray(await res.arrayBuffer()), width: req.width, height: req.height });
  }
  return rgba;
}

async function loadFrames(req: FrameRequest): Promise<{ bitmaps: ImageBitmap[]; rgba: RgbaFrame[] }> {
  const rgba = await loadRgba(req);
  const bitmaps = await Promise.all(rgba.map((f) => createImageBitmap(new ImageData(f.data, f.width, f.height))));
  return { bitmaps, rgba };
}

async function run(req: BrowserBenchRequest): Promise<BrowserBenchResult> {
  const { bitmaps: frames, rgba } = await loadFrames(req);
  const poses: PoseFrame[] = [];
  const t0 = performance.now();
  const est =
    req.mode === 'raw'
      ? await createPoseEstimator({ model: req.model, backend: req.backend ?? 'auto', modelBaseUrl: '/models/', wasmPathPrefix: '/tfjs-wasm/', wasmThreads: req.threads })
      : await createPoseWorkerClient({ model: req.model, backend: req.backend ?? 'auto', wasmThreads: req.threads });
  const loadMs = performance.now() - t0;
  const msPerFrame: number[] = [];
  let personFrames = 0;
  for (let i = 0; i < frames.length; i++) {
    const idx = i;
    // The worker takes ownership of a transferred bitmap, so send it a copy.
    const frame =
      req.mode === 'worker' ? await createImageBitmap(frames[idx]) : req.input === 'rgba' ? rgba[idx] : frames[idx];
    const s = performance.now();
    const pose = await est.estimate(frame, idx / (req.fps ?? 30));
    const ms = performance.now() - s;
    if (i >= req.warmup) {
      msPerFrame.push(ms);
      if (pose.keypoints) personFrames++;
      if (req.keepFrames) poses.push(pose);
    }
  }
  const result: BrowserBenchResult = {
    model: req.model,
    mode: req.mode,
    backend: est.backend,
    backendReason: est.backendReason,
    threads: est.threads,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    msPerFrame,
    personFrames,
    loadMs,
    ...(req.keepFrames ? { poses } : {}),
  };
  est.dispose();
  for (const f of frames) f.close();
  return result;
}

export interface ParallelBenchRequest {
  model: PoseModelName;
  /** Web Workers running the loop at the same time. */
  workers: number;
  width: number;
  height: number;
  frameCount: number;
  warmup: number;
  fps?: number;
}

export interface ParallelBenchResult {
  workers: number;
  /** Each worker's ms per timed frame. */
  msPerFrame: number[][];
}

/** The bare model loop in `workers` Web Workers at once, over the same frames. */
async function runParallel(req: ParallelBenchRequest): Promise<ParallelBenchResult> {
  const frames = await loadRgba(req);
  const loops = Array.from({ length: req.workers }, async () => {
    const worker = new Worker(new URL('./pose_loop_worker.ts', import.meta.url), { type: 'module' });
    try {
      const reply = await new Promise<{ ok: true; ms: number[] } | { ok: false; error: string }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(`pose loop worker: ${e.message}`));
        worker.postMessage({ frames, model: req.model, warmup: req.warmup, fps: req.fps ?? 30 });
      });
      if (!reply.ok) throw new Error(reply.error);
      return reply.ms;
    } finally {
      worker.terminate();
    }
  });
  return { workers: req.workers, msPerFrame: await Promise.all(loops) };
}

declare global {
  interface Window {
    poseBench: { run: typeof run; runParallel: typeof runParallel; ready: true };
  }
}

window.poseBench = { run, runParallel, ready: true };
document.getElementById('out')!.textContent = 'ready';
