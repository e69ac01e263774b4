/**
 * Hands the upload pipeline a PoseEstimator for a model, loaded once per model and page.
 *
 * In the browser this is the pose Web Worker client (src/pose/pose_worker_client.ts): inference
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

const queues = new Map<PoseModelName, Promise<void>>();

/**
 * Exclusive use of the shared estimator for one clip. BlazePose tracks the person from frame to
 * frame, so two clips fed to one estimator at once (an upload while a recording is analysed)
 * would corrupt each other's tracking; the second waits for the first instead.
 */
export async function acquirePoseEstimator(
  model: PoseModelName,
  options: { onWait?: () => void } = {},
): Promise<{ estimator: PoseEstimator; release: () => void }> {
  const busy = queues.get(model);
  const previous = busy ?? Promise.resolve();
  // Another clip holds (or waits for) the estimator: say so, the wait can last a whole analysis.
  if (busy) options.onWait?.();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  queues.set(model, tail);
  await previous;
  try {
    const estimator = await getPoseEstimator(model);
    let released = false;
    return {
      estimator,
      release: () => {
        if (released) return;
        released = true;
        if (queues.get(model) === tail) queues.delete(model);
        release();
      },
    };
  } catch (error) {
    if (queues.get(model) === tail) queues.delete(model);
    release();
    throw error;
  }
}

/** Where inference runs, for the UI's "backend and why" line. */
export const POSE_RUNTIME = 'in a Web Worker';
