import { describe, expect, it } from 'vitest';
import { LivePoseLoop } from '../../../src/live/live_pose_loop';
import type { PoseFrame } from '../../../src/core/types';
import { fakeFrames } from './fake_camera';

/** An estimator whose answers the test releases one by one. */
function manualEstimator() {
  const waiting: { t: number; resolve: (f: PoseFrame) => void }[] = [];
  return {
    estimator: {
      estimate: (_bitmap: ImageBitmap, t: number) => new Promise<PoseFrame>((resolve) => waiting.push({ t, resolve })),
    },
    get pending() {
      return waiting.length;
    },
    answerOldest() {
      const w = waiting.shift()!;
      w.resolve({ t: w.t, keypoints: null });
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LivePoseLoop', () => {
  it('keeps at most two frames at the model and drops the rest instead of queueing', async () => {
    const cam = fakeFrames();
    const model = manualEstimator();
    const results: number[] = [];
    const loop = new LivePoseLoop(cam.frames, model.estimator, (e) => results.push(e.frame.t));
    loop.start();
    for (let i = 1; i <= 5; i++) {
      cam.frame(i * 33, i);
      await flush();
    }
    expect(model.pending).toBe(2);
    model.answerOldest();
    await flush();
    cam.frame(6 * 33, 6);
    await flush();
    expect(model.pending).toBe(2);
    model.answerOldest();
    model.answerOldest();
    await flush();
    // Answers come back in camera order: frames 1, 2 and 6 (3, 4, 5 were dropped).
    expect(results).toEqual([33 / 1000, 66 / 1000, 198 / 1000]);
    const stats = loop.stats(200);
    expect(stats.cameraFrames).toBe(6);
    expect(stats.posedFrames).toBe(3);
    expect(stats.droppedShare).toBeCloseTo(0.5, 6);
    loop.stop();
  });

  it('counts camera frames the page presented between callbacks as seen', async () => {
    const cam = fakeFrames();
    const model = manualEstimator();
    const loop = new LivePoseLoop(cam.frames, model.estimator, () => {}, () => {}, 1);
    loop.start();
    cam.frame(33, 1);
    await flush();
    model.answerOldest();
    await flush();
    // The callback skipped frames 2-4 (e.g. a busy main thread): they count as dropped.
    cam.frame(166, 5);
    await flush();
    model.answerOldest();
    await flush();
    const stats = loop.stats(170);
    expect(stats.cameraFrames).toBe(5);
    expect(stats.posedFrames).toBe(2);
    loop.stop();
  });

  it('reports estimator errors and keeps going', async () => {
    const cam = fakeFrames();
    const errors: unknown[] = [];
    let calls = 0;
    const estimator = {
      estimate: async (_b: ImageBitmap, t: number): Promise<PoseFrame> => {
        calls++;
        if (calls === 1) throw new Error('worker hiccup');
        return { t, keypoints: null };
      },
    };
    const seen: number[] = [];
    const loop = new LivePoseLoop(cam.frames, estimator, (e) => seen.push(e.frame.t), (e) => errors.push(e));
    loop.start();
    cam.frame(33, 1);
    await flush();
    await flush();
    cam.frame(66, 2);
    await flush();
    await flush();
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([0.066]);
    loop.stop();
  });
});
