/**
 * Hands the upload pipeline a PoseEstimator for a model, loaded once per model and page.
 *
 * In the browser this is POSE's Web Worker client (src/pose/pose_worker_client.ts): inference
 * runs off the main thread, so the page stays responsive while a video is analysed, and this
 * thread is free to decode the next frame meanwhile. Loading a model takes seconds (fetch,
 * compile, first-frame warm-up), so a worker per model is kept for the life of the page.
 */
import { createPoseWorkerClient } from '../pose/pose_worker_client';
import type { PoseEstimator, PoseModelName } from '../pose/types';

const cache = new Map<PoseModelName, Promise<PoseEstimator>>();

/** The shared estimator for `model` (created on first use). Callers reset() it, never dispose() it. */
export function getPoseEstimator(model: PoseModelName): Promise<PoseEstimator> {
  let pending = cache.get(model);
  if (!pending) {
    pending = createPoseWorkerClient({ model }) as Promise<PoseEstimator>;
    // A failed load must not poison the cache: the next attempt tries again.
    pending.catch(() => cache.delete(model));
    cache.set(model, pending);
  }
  return pending;
}

/** Where inference runs, for the UI's "backend and why" line. */
export const POSE_RUNTIME = 'in a Web Worker';
