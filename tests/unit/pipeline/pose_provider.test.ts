import { describe, expect, it, vi } from 'vitest';

const created: string[] = [];
vi.mock('../../../src/pose/pose_worker_client', () => ({
  createPoseWorkerClient: async ({ model }: { model: string }) => {
    created.push(model);
    return { model, backend: 'wasm', backendReason: 'test', estimate: async () => ({ t: 0, keypoints: null }), reset() {}, dispose() {} };
  },
}));

const { acquirePoseEstimator, getPoseEstimator } = await import('../../../src/pipeline/pose_provider');

describe('pose provider', () => {
  it('loads each model once and shares it', async () => {
    const a = await getPoseEstimator('lite');
    const b = await getPoseEstimator('lite');
    expect(a).toBe(b);
    expect(created.filter((m) => m === 'lite')).toHaveLength(1);
  });

  it('gives one clip at a time the estimator: a second clip waits for the first to release it', async () => {
    const order: string[] = [];
    const waits: string[] = [];
    const first = await acquirePoseEstimator('full', { onWait: () => waits.push('first') });
    order.push('first acquired');
    expect(waits).toEqual([]);
    const secondPending = acquirePoseEstimator('full', { onWait: () => waits.push('second') }).then((lease) => {
      order.push('second acquired');
      return lease;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['first acquired']);
    expect(waits).toEqual(['second']);
    first.release();
    const second = await secondPending;
    expect(order).toEqual(['first acquired', 'second acquired']);
    expect(second.estimator).toBe(first.estimator);
    second.release();
    // Released twice is harmless, and the estimator is free again.
    second.release();
    const third = await acquirePoseEstimator('full', { onWait: () => waits.push('third') });
    expect(waits).toEqual(['second']);
    third.release();
  });
});
