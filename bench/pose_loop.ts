/**
 * The bare model loop the parallel rows time: one estimator on one wasm thread over frames
 * already in memory (RGBA), with no decoding, no messages and no copies per frame. Run in several
 * Web Workers at once (bench/pose_loop_worker.ts), it measures what the two cores can give the
 * model alone: the most any upload pipeline, which must also decode and read every frame, could
 * reach on this machine.
 */
import { createPoseEstimator } from '../src/pose/pose_estimator';
import type { PoseModelName, RgbaFrame } from '../src/pose/types';

export interface PoseLoopRequest {
  frames: RgbaFrame[];
  model: PoseModelName;
  /** The first `warmup` frames run but are not timed. */
  warmup: number;
  fps: number;
}

/** ms per timed frame, in order. */
export async function poseLoop({ frames, model, warmup, fps }: PoseLoopRequest): Promise<number[]> {
  const est = await createPoseEstimator({ model, backend: 'wasm', modelBaseUrl: '/models/', wasmPathPrefix: '/tfjs-wasm/', wasmThreads: 1 });
  const ms: number[] = [];
  try {
    for (let i = 0; i < frames.length; i++) {
      const start = performance.now();
      await est.estimate(frames[i], i / fps);
      if (i >= warmup) ms.push(performance.now() - start);
    }
  } finally {
    est.dispose();
  }
  return ms;
}
