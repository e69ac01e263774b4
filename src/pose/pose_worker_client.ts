/**
 * Pose estimation off the main thread. USAGE (browser):
 *
 *   import { createPoseWorkerClient } from '../pose/pose_worker_client';
 *   const pose = await createPoseWorkerClient({ model: 'lite' });   // loads models, picks backend
 *   console.log(pose.backend, pose.backendReason);                    // e.g. 'wasm', 'software WebGL renderer (...)'
 *   const bitmap = await createImageBitmap(videoFrameOrCanvas);      // displayed orientation
 *   const frame = await pose.estimate(bitmap, tSeconds);             // bitmap is TRANSFERRED (unusable after)
 *   frame.keypoints; // 33 {name,x,y,score} in the bitmap's pixels, or null = no person
 *   pose.reset();    // before an unrelated clip (BlazePose tracks the person frame to frame)
 *   pose.dispose();  // terminates the worker
 *
 * - Feed frames of one clip in time order, one estimate() at a time per clip (awaiting each, or
 *   at most a couple in flight: the worker handles them in order).
 * - An RgbaFrame {data, width, height} is copied, not transferred (the caller may reuse its buffer).
 * - Config defaults: modelBaseUrl `${BASE_URL}models/`, wasmPathPrefix `${BASE_URL}tfjs-wasm/`,
 *   backend 'auto' (webgl on a real GPU, wasm on a software renderer or no WebGL, cpu last).
 * - On creation the chosen backend is published with reportPoseBackend() (backend_report.ts):
 *   document.documentElement.dataset.poseBackend / .poseBackendReason, and a 'pose-backend' event.
 */
import * as Comlink from 'comlink';
import type { PoseFrame } from '../core/types';
import { reportPoseBackend } from './backend_report';
import { isClosablePicture } from './pictures';
import type { PoseWorkerApi } from './pose_worker';
import type { BackendName, PoseEstimatorConfig, PoseModelName, RgbaFrame } from './types';

export interface PoseWorkerClientConfig extends Partial<Omit<PoseEstimatorConfig, 'model'>> {
  model: PoseModelName;
}

export interface PoseWorkerClient {
  readonly model: PoseModelName;
  readonly backend: BackendName;
  readonly backendReason: string;
  readonly threads?: number;
  /** Transfers an ImageBitmap or a VideoFrame to the worker (it is closed there); copies an RgbaFrame. */
  estimate(frame: ImageBitmap | VideoFrame | RgbaFrame, t: number): Promise<PoseFrame>;
  reset(): Promise<void>;
  /** Terminates the worker; pending estimates reject. */
  dispose(): void;
}

function absoluteUrl(u: string): string {
  // The worker resolves relative URLs against its own script URL, so send absolute ones.
  return new URL(u, globalThis.location?.href).href;
}

function withTrailingSlash(u: string): string {
  return u.endsWith('/') ? u : `${u}/`;
}

/** The estimator config a worker gets: absolute URLs (a worker resolves relative ones against its own script). */
export function resolveWorkerConfig(config: PoseWorkerClientConfig): PoseEstimatorConfig {
  const base = import.meta.env?.BASE_URL ?? '/';
  return {
    model: config.model,
    backend: config.backend ?? 'auto',
    modelBaseUrl: withTrailingSlash(absoluteUrl(config.modelBaseUrl ?? `${base}models/`)),
    wasmPathPrefix: withTrailingSlash(absoluteUrl(config.wasmPathPrefix ?? `${base}tfjs-wasm/`)),
    ...(config.wasmThreads !== undefined ? { wasmThreads: config.wasmThreads } : {}),
    ...(config.landmarkCrop !== undefined ? { landmarkCrop: config.landmarkCrop } : {}),
  };
}

/** What a pose worker's API must offer for startPoseWorker. */
interface InitApi {
  init(config: PoseEstimatorConfig): Promise<{ backend: BackendName; backendReason: string; threads?: number }>;
}

export interface StartedPoseWorker<Api> {
  remote: Comlink.Remote<Api>;
  info: { backend: BackendName; backendReason: string; threads?: number };
  /** Rejects when the worker fails to load or dies, or once it is ended: race calls against it. */
  crashed: Promise<never>;
  /** Terminates the worker; pending calls raced against `crashed` reject. */
  end(): void;
}

/**
 * Starts a pose worker (any script exposing init() through comlink), loads the model in it and
 * publishes the chosen backend (reportPoseBackend). A worker that fails to load (syntax error,
 * 404) never answers comlink: that surfaces as an error instead of a hang.
 */
export async function startPoseWorker<Api extends InitApi>(worker: Worker, label: string, config: PoseWorkerClientConfig): Promise<StartedPoseWorker<Api>> {
  let fail: (e: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  crashed.catch(() => {});
  worker.addEventListener('error', (ev) => fail(new Error(`${label} failed: ${ev.message || 'could not load'}`)));
  const remote = Comlink.wrap<Api>(worker);
  let info: StartedPoseWorker<Api>['info'];
  try {
    info = await Promise.race([(remote as unknown as Comlink.Remote<InitApi>).init(resolveWorkerConfig(config)), crashed]);
  } catch (e) {
    worker.terminate();
    throw e instanceof Error ? e : new Error(String(e));
  }
  reportPoseBackend({ model: config.model, ...info });
  return {
    remote,
    info,
    crashed,
    end() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
      fail(new Error(`${label} disposed`));
    },
  };
}

export async function createPoseWorkerClient(config: PoseWorkerClientConfig): Promise<PoseWorkerClient> {
  const worker = new Worker(new URL('./pose_worker.ts', import.meta.url), { type: 'module', name: 'pose' });
  const { remote, info, crashed, end } = await startPoseWorker<PoseWorkerApi>(worker, 'pose worker', config);
  let disposed = false;
  return {
    model: config.model,
    backend: info.backend,
    backendReason: info.backendReason,
    threads: info.threads,
    estimate(frame, t) {
      if (disposed) {
        // Never sent, so never closed by the worker: a camera VideoFrame left open stalls the camera.
        if (isClosablePicture(frame)) frame.close();
        return Promise.reject(new Error('pose worker client used after dispose()'));
      }
      const call = isClosablePicture(frame) ? remote.estimate(Comlink.transfer(frame, [frame]), t) : remote.estimate(frame, t);
      return Promise.race([call, crashed]);
    },
    async reset() {
      if (!disposed) await remote.reset();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      end();
    },
  };
}
