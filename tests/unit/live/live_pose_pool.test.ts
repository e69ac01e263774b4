import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../../src/core/types';
import { createLivePoseEstimator, createLivePosePool, type LivePoseWorker } from '../../../src/live/live_pose_pool';

/** A worker whose answers are released by hand, in any order. */
function manualWorker(name: string, backend = 'wasm') {
  const pending: { t: number; resolve: (f: PoseFrame) => void; reject: (e: Error) => void }[] = [];
  let resets = 0;
  let disposed = false;
  const worker: LivePoseWorker = {
    backend,
    backendReason: `${name} test`,
    estimate: (_frame, t) =>
      new Promise<PoseFrame>((resolve, reject) => {
        pending.push({ t, resolve, reject });
      }),
    reset: () => {
      resets += 1;
    },
    dispose: () => {
      disposed = true;
    },
  };
  const answer = (t: number) => {
    const i = pending.findIndex((p) => p.t === t);
    if (i < 0) throw new Error(`${name} has no frame at ${t}`);
    const [p] = pending.splice(i, 1);
    p.resolve({ t, keypoints: null });
  };
  const fail = (t: number) => {
    const i = pending.findIndex((p) => p.t === t);
    const [p] = pending.splice(i, 1);
    p.reject(new Error(`${name} failed at ${t}`));
  };
  return { worker, answer, fail, pending, get resets() { return resets; }, get disposed() { return disposed; } };
}

const bitmap = { close() {} } as unknown as ImageBitmap;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('live pose pool', () => {
  it('alternates frames between two workers and hands results out in the order sent', async () => {
    const a = manualWorker('a');
    const b = manualWorker('b');
    const pool = createLivePosePool(a.worker);
    pool.add(b.worker);
    expect(pool.size).toBe(2);
    const order: number[] = [];
    const p1 = pool.estimate(bitmap, 1).then((f) => order.push(f.t));
    const p2 = pool.estimate(bitmap, 2).then((f) => order.push(f.t));
    expect(a.pending.map((p) => p.t)).toEqual([1]);
    expect(b.pending.map((p) => p.t)).toEqual([2]);
    // The second worker finishes first; its result still waits for frame 1's.
    b.answer(2);
    await flush();
    expect(order).toEqual([]);
    a.answer(1);
    await Promise.all([p1, p2]);
    expect(order).toEqual([1, 2]);
    // Both free again: the one used longest ago (a) takes the next frame.
    void pool.estimate(bitmap, 3);
    expect(a.pending.map((p) => p.t)).toEqual([3]);
  });

  it('sends a frame to the worker with fewer frames in hand', () => {
    const a = manualWorker('a');
    const b = manualWorker('b');
    const pool = createLivePosePool(a.worker);
    pool.add(b.worker);
    void pool.estimate(bitmap, 1); // a
    void pool.estimate(bitmap, 2); // b
    b.answer(2);
    return flush().then(() => {
      void pool.estimate(bitmap, 3); // b has none in hand, a still has frame 1
      expect(b.pending.map((p) => p.t)).toEqual([3]);
      expect(a.pending.map((p) => p.t)).toEqual([1]);
    });
  });

  it('a failed frame rejects alone and does not hold back later ones', async () => {
    const a = manualWorker('a');
    const b = manualWorker('b');
    const pool = createLivePosePool(a.worker);
    pool.add(b.worker);
    const p1 = pool.estimate(bitmap, 1);
    const p2 = pool.estimate(bitmap, 2);
    a.fail(1);
    b.answer(2);
    await expect(p1).rejects.toThrow('a failed at 1');
    await expect(p2).resolves.toMatchObject({ t: 2 });
  });

  it('reset and dispose reach every worker; a worker added after dispose is disposed at once', () => {
    const a = manualWorker('a');
    const b = manualWorker('b');
    const pool = createLivePosePool(a.worker);
    pool.add(b.worker);
    pool.reset();
    expect([a.resets, b.resets]).toEqual([1, 1]);
    pool.dispose();
    expect([a.disposed, b.disposed]).toEqual([true, true]);
    const late = manualWorker('late');
    pool.add(late.worker);
    expect(late.disposed).toBe(true);
    // A picture that is never sent is closed here: an open camera VideoFrame holds back the camera.
    let closed = false;
    const picture = { close: () => (closed = true) } as unknown as ImageBitmap;
    const rejected = expect(pool.estimate(picture, 1)).rejects.toThrow('after dispose');
    expect(closed).toBe(true);
    return rejected;
  });

  it('adds the extra workers after the first is ready, on wasm only', async () => {
    // The second worker's model loads only when released by hand.
    let releaseSecond: () => void = () => {};
    const secondLoaded = new Promise<void>((r) => (releaseSecond = r));
    const made: string[] = [];
    const make = (backend: string) => async () => {
      made.push(backend);
      if (made.length > 1) await secondLoaded;
      return manualWorker(`w${made.length}`, backend).worker;
    };
    const wasm = await createLivePoseEstimator(make('wasm'), 2);
    expect(wasm.size).toBe(1); // the first skeleton does not wait for the second model
    releaseSecond();
    await flush();
    expect(wasm.size).toBe(2);
    made.length = 0;
    const webgl = await createLivePoseEstimator(make('webgl'), 2);
    await flush();
    expect(webgl.size).toBe(1);
    expect(made).toEqual(['webgl']);
  });
});
