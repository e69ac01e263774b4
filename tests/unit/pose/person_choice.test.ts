import { describe, expect, it } from 'vitest';
import type * as poseDetection from '@tensorflow-models/pose-detection';
import { installPersonChoice } from '../../../src/pose/pose_estimator';

/** A stand-in for pose-detection's BlazePose detector: detectPose returns these, best first. */
function fakeDetector(detections: { score: number; xMin: number }[]) {
  return {
    detectPose: async () =>
      detections.map((d) => ({ score: [d.score], locationData: { relativeBoundingBox: { xMin: d.xMin, yMin: 0.1, width: 0.2, height: 0.8, xMax: d.xMin + 0.2, yMax: 0.9 } } })),
  } as unknown as poseDetection.PoseDetector & { detectPose: (image: unknown) => Promise<{ score: number[] }[]> };
}

describe('the person-choice hook in the detection step', () => {
  it('changes nothing without a chooser: one candidate kept, order as detected', async () => {
    const detector = fakeDetector([{ score: 0.9, xMin: 0.1 }, { score: 0.8, xMin: 0.6 }]);
    const state = installPersonChoice(detector);
    expect(state.maxPoses()).toBe(1);
    expect((await detector.detectPose(null)).map((d) => d.score[0])).toEqual([0.9, 0.8]);
  });

  it('puts the chosen person first, with boxes in frame pixels', async () => {
    const detector = fakeDetector([{ score: 0.9, xMin: 0.1 }, { score: 0.8, xMin: 0.6 }]);
    const state = installPersonChoice(detector);
    state.frame = { width: 1000, height: 500 };
    const seen: number[] = [];
    state.chooser = (candidates) => {
      seen.push(...candidates.map((c) => c.box.xMin));
      return candidates.findIndex((c) => c.box.xMin > 500);
    };
    expect(state.maxPoses()).toBeGreaterThan(1);
    expect((await detector.detectPose(null)).map((d) => d.score[0])).toEqual([0.8, 0.9]);
    expect(seen.map(Math.round)).toEqual([100, 600]);
  });

  it('keeps the detector order when the chooser declines or answers out of range', async () => {
    const detector = fakeDetector([{ score: 0.9, xMin: 0.1 }, { score: 0.8, xMin: 0.6 }]);
    const state = installPersonChoice(detector);
    state.chooser = () => null;
    expect((await detector.detectPose(null)).map((d) => d.score[0])).toEqual([0.9, 0.8]);
    state.chooser = () => 7;
    expect((await detector.detectPose(null)).map((d) => d.score[0])).toEqual([0.9, 0.8]);
  });
});
