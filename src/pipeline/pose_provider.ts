/**
 * A frame-by-frame PoseEstimator per model, loaded once per page: the Web Worker client
 * (src/pose/pose_worker_client.ts) that takes one frame at a time. The upload pipeline uses its
 * own decode-and-pose workers instead (video_pose_pool.ts); this one serves the debug hooks
 * (camera probe, raw model timing for the bench). Loading a model takes seconds (fetch, compile,
 * first-frame warm-up), so a worker per model is kept for the life of the page.
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
