import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireVideoPoseWorkers,
  defaultUploadPoseConfig,
  disposeVideoPoseWorkers,
  setVideoPoseWorkerFactory,
  type VideoPoseWorkerClient,
} from '../../../src/pipeline/video_pose_pool';
import type { BackendName, PoseModelName } from '../../../src/pose/types';

/** Fake workers: records what was made and disposed. */
function fakeFactory(backend: BackendName = 'wasm') {
  const made: { model: PoseModelName; threads: number | undefined }[] = [];
  const disposed: number[] = [];
  setVideoPoseWorkerFactory(async ({ model, wasmThreads }) => {
    const id = made.length;
    made.push({ model, threads: wasmThreads });
    const client: VideoPoseWorkerClient = {
      model,
      backend,
      backendReason: 'test',
      threads: wasmThreads,
      poseRange: async () => ({ frames: 0, hiddenPreRoll: 0, wallMs: 0, decodeWaitMs: 0, prepMs: 0, poseMs: 0, tensorsAfter: 0 }),
      cancel() {},
      dispose: () => void disposed.push(id),
    };
    return client;
  });
  return { made, disposed };
}

afterEach(() => {
  disposeVideoPoseWorkers();
  setVideoPoseWorkerFactory(null);
});

describe('video pose workers', () => {
  it('one worker per core, one wasm thread each, at most four workers', () => {
    expect(defaultUploadPoseConfig(2)).toEqual({ workers: 2, wasmThreads: 1 });
    expect(defaultUploadPoseConfig(1)).toEqual({ workers: 1, wasmThreads: 1 });
    expect(defaultUploadPoseConfig(16).workers).toBe(4);
  });

  it('loads each worker once and lends the same ones to the next clip', async () => {
    const { made } = fakeFactory();
    const a = await acquireVideoPoseWorkers('lite', { count: 2, wasmThreads: 1 });
    a.release();
    const b = await acquireVideoPoseWorkers('lite', { count: 2, wasmThreads: 1 });
    b.release();
    expect(b.workers).toEqual(a.workers);
    expect(made).toHaveLength(2);
  });

  it('gives one clip at a time the workers of a model: a second clip waits, and is told so', async () => {
    fakeFactory();
    const waits: string[] = [];
    const order: string[] = [];
    const first = await acquireVideoPoseWorkers('full', { count: 2, wasmThreads: 1, onWait: () => waits.push('first') });
    const second = acquireVideoPoseWorkers('full', { count: 2, wasmThreads: 1, onWait: () => waits.push('second') }).then((lease) => {
      order.push('second');
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    expect(waits).toEqual(['second']);
    first.release();
    first.release();
    (await second).release();
    expect(order).toEqual(['second']);
    const third = await acquireVideoPoseWorkers('full', { count: 2, wasmThreads: 1, onWait: () => waits.push('third') });
    expect(waits).toEqual(['second']);
    third.release();
  });

  it('another thread count needs new workers: the old ones are ended', async () => {
    const { made, disposed } = fakeFactory();
    (await acquireVideoPoseWorkers('lite', { count: 2, wasmThreads: 1 })).release();
    (await acquireVideoPoseWorkers('lite', { count: 1, wasmThreads: 2 })).release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(made.map((m) => m.threads)).toEqual([1, 1, 2]);
    expect(disposed.sort()).toEqual([0, 1]);
  });

  it('on webgl (a real GPU) one worker only: several contexts would only take turns on it', async () => {
    const { made } = fakeFactory('webgl');
    const lease = await acquireVideoPoseWorkers('lite', { count: 3, wasmThreads: 1 });
    expect(lease.workers).toHaveLength(1);
    expect(made).toHaveLength(1);
    lease.release();
  });
});
