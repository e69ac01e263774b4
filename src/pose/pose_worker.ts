/// <reference lib="webworker" />
/**
 * Web Worker hosting the pose estimator, so inference never blocks the page (issue 2, item 3).
 * Spoken to only through pose_worker_client.ts (comlink). Frames arrive as transferred
 * ImageBitmaps or VideoFrames (closed here after use) or RGBA buffers.
 */
import * as Comlink from 'comlink';
import type { PoseFrame } from '../core/types';
import { createPoseEstimator } from './pose_estimator';
import { isClosablePicture } from './pictures';
import type { BackendName, PoseEstimator, PoseEstimatorConfig, RgbaFrame } from './types';

export interface PoseWorkerApi {
  init(config: PoseEstimatorConfig): Promise<{ backend: BackendName; backendReason: string; threads?: number }>;
  estimate(frame: ImageBitmap | VideoFrame | RgbaFrame, t: number): Promise<PoseFrame>;
  reset(): void;
  dispose(): void;
}

let estimator: PoseEstimator | null = null;

const api: PoseWorkerApi = {
  async init(config) {
    estimator?.dispose();
    estimator = await createPoseEstimator(config);
    return { backend: estimator.backend, backendReason: estimator.backendReason, threads: estimator.threads };
  },
  async estimate(frame, t) {
    try {
      if (!estimator) throw new Error('pose worker: estimate() before init()');
      return await estimator.estimate(frame, t);
    } finally {
      if (isClosablePicture(frame)) frame.close();
    }
  },
  reset() {
    estimator?.reset();
  },
  dispose() {
    estimator?.dispose();
    estimator = null;
  },
};

Comlink.expose(api);
