import { describe, expect, it } from 'vitest';
import { toSourcePixels } from '../../../src/pipeline/analyze_video';
import { MIN_POSE_COVERAGE, framesWithPose, poseCoverage } from '../../../src/pipeline/pose_coverage';
import type { PoseTrack } from '../../../src/core/types';

describe('toSourcePixels', () => {
  const pose = { t: 99, keypoints: [{ name: 'nose', x: 100, y: 50, score: 0.9 }], keypoints3D: [{ name: 'nose', x: 0.1, y: -0.5, z: 0, score: 0.9 }] };

  it('maps keypoints from a scaled-down frame back to displayed source pixels, leaving 3D alone', () => {
    const out = toSourcePixels(pose, { t: 1.5, toSourceX: 2, toSourceY: 2 });
    expect(out.keypoints![0]).toMatchObject({ x: 200, y: 100, score: 0.9 });
    expect(out.keypoints3D).toEqual(pose.keypoints3D);
  });

  it('keeps the file’s own timestamp, whatever the estimator echoed', () => {
    expect(toSourcePixels(pose, { t: 1.5, toSourceX: 1, toSourceY: 1 }).t).toBe(1.5);
  });

  it('passes "no person" through', () => {
    expect(toSourcePixels({ t: 0, keypoints: null }, { t: 0.2, toSourceX: 3, toSourceY: 3 })).toEqual({ t: 0.2, keypoints: null });
  });
});

describe('pose coverage', () => {
  const track = (hits: boolean[]): PoseTrack => ({
    source: { name: 'x', width: 10, height: 10, fps: 30, durationS: hits.length / 30, frameCount: hits.length },
    model: 'synthetic',
    frames: hits.map((hit, i) => ({ t: i / 30, keypoints: hit ? [{ name: 'nose', x: 1, y: 1, score: 1 }] : null })),
  });

  it('counts frames with a body', () => {
    expect(framesWithPose(track([true, false, true]))).toBe(2);
    expect(poseCoverage(track([true, false, true, false]))).toBe(0.5);
    expect(poseCoverage(track([]))).toBe(0);
  });

  it('a clip with a body on a few stray frames is below the threshold', () => {
    expect(poseCoverage(track([true, ...Array(19).fill(false)]))).toBeLessThan(MIN_POSE_COVERAGE);
  });
});
