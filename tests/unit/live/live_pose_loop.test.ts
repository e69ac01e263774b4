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
  it('keeps at most two frames at the model, holds only the newest of the rest and sends it when a result comes back', async () => {
    const cam = fakeFrames();
    const model = manualEstimator();
    const results: number[] = [];
    const loop = new LivePoseLoop(cam.frames, model.estimator, (e) => results.push(e.frame.t));
    loop.start();
    for (let i = 1; i <= 5; i++) {
      cam.frame(i * 33, i);
      await flush();
    }
    // Frames 1 and 2 at the model; 3 and 4 dropped, 5 held (no queue builds up).
    expect(model.pending).toBe(2);
    expect(cam.grabs).toBe(2);
    model.answerOldest();
    await flush();
    // The held frame went out as soon as frame 1's result came back, with its own time.
    expect(results).toEqual([33 / 1000]);
    expect(model.pending).toBe(2);
    expect(cam.grabs).toBe(3);
    cam.frame(6 * 33, 6);
    await flush();
    expect(model.pending).toBe(2);
    model.answerOldest();
    await flush();
    expect(model.pending).toBe(2);
    model.answerOldest();
    await flush();
    model.answerOldest();
    await flush();
    expect(model.pending).toBe(0);
    // Answers come back in camera order: frames 1, 2, 5 and 6.
    expect(results).toEqual([33 / 1000, 66 / 1000, 165 / 1000, 198 / 1000]);
    const stats = loop.stats(200);
    expect(stats.cameraFrames).toBe(6);
    expect(stats.posedFrames).toBe(4);
    expect(stats.droppedShare).toBeCloseTo(2 / 6, 6);
    loop.stop();
  });

  it('sends nothing held after stop()', async () => {
    const cam = fakeFrames();
    const model = manualEstimator();
    const loop = new LivePoseLoop(cam.frames, model.estimator, () => {}, () => {}, 1);
    loop.start();
    cam.frame(33, 1);
    cam.frame(66, 2);
    await flush();
    expect(model.pending).toBe(1);
    loop.stop();
    model.answerOldest();
    await flush();
    expect(model.pending).toBe(0);
    expect(cam.grabs).toBe(1);
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
