/**
 * When the person tracker looks for people (src/pose/person_tracker.ts), on a scripted stand-in
 * for pose-detection's BlazePose: its detector returns each person whose scripted score for the
 * frame reaches pose-detection's 0.5, and its landmark step returns whoever stands at the centre
 * of the region it is given (and hands back that person's region for the next frame, as BlazePose
 * tracks). The real model on the real clips: tests/unit/cli/people_real_clip.test.ts.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type * as poseDetection from '@tensorflow-models/pose-detection';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPersonTracker, MAX_PEOPLE, SEARCH_START_FRAMES } from '../../../src/pose/person_tracker';
import type { RgbaFrame } from '../../../src/pose/types';

const W = 400;
const H = 200;
const FPS = 30;
/** pose-detection's BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION.minScoreThresh. */
const MIN_DETECTION_SCORE = 0.5;

interface ScriptedPerson {
  /** Hip centre x in pixels (they stand still). */
  x: number;
  /** Detector score on frame i (undefined: not in the picture). */
  score: (frame: number) => number | undefined;
}

interface Roi { xCenter: number; yCenter: number; width: number; height: number }

function poseOf(p: ScriptedPerson): poseDetection.Pose {
  const head = { x: p.x, y: 40 };
  const keypoints = Array.from({ length: 33 }, (_, i) => {
    if (i <= 10) return { x: head.x + (i % 3) - 1, y: head.y + (i % 2), score: 1 };
    const side = i % 2 === 1 ? -1 : 1;
    const y = i <= 22 ? 60 : i <= 24 ? 110 : 110 + (i - 23) * 5;
    return { x: p.x + side * 12, y, score: 1 };
  });
  return { keypoints, score: 1 };
}

/** The scripted BlazePose: frame index set by the test before each estimate. */
function scriptedBlazePose(people: ScriptedPerson[]) {
  const state = { frame: 0, detections: 0, landmarkCalls: 0 };
  const visible = (p: ScriptedPerson) => state.frame >= 0 && p.score(state.frame) !== undefined;
  const detector = {
    regionOfInterest: null as Roi | null,
    maxPoses: 1,
    async detectPose() {
      state.detections += 1;
      return people
        .filter((p) => visible(p) && p.score(state.frame)! >= MIN_DETECTION_SCORE)
        .map((p) => ({
          score: [p.score(state.frame)!],
          // A square around the head, as BlazePose's detector gives (relative to the frame).
          locationData: { relativeBoundingBox: { xMin: (p.x - 20) / W, yMin: 20 / H, xMax: (p.x + 20) / W, yMax: 60 / H, width: 40 / W, height: 40 / H } },
        }))
        .sort((a, b) => b.score[0] - a.score[0]);
    },
    poseDetectionToRoi(d: { locationData: { relativeBoundingBox: { xMin: number; width: number } } }): Roi {
      const b = d.locationData.relativeBoundingBox;
      return { xCenter: b.xMin + b.width / 2, yCenter: 0.5, width: 0.3, height: 0.6 };
    },
    async estimatePoses() {
      state.landmarkCalls += 1;
      const roi = this.regionOfInterest;
      if (!roi) throw new Error('the tracker always gives a region');
      const cx = roi.xCenter * W;
      const here = people.filter(visible).sort((a, b) => Math.abs(a.x - cx) - Math.abs(b.x - cx))[0];
      if (!here || Math.abs(here.x - cx) > 30) {
        this.regionOfInterest = null;
        return [];
      }
      this.regionOfInterest = { xCenter: here.x / W, yCenter: 0.5, width: 0.3, height: 0.6 };
      return [poseOf(here)];
    },
    reset() {
      this.regionOfInterest = null;
    },
    dispose() {},
  };
  return { detector: detector as unknown as poseDetection.PoseDetector, state };
}

const rgba = (): RgbaFrame => ({ data: new Uint8ClampedArray(W * H * 4), width: W, height: H });
const toTensor = (f: RgbaFrame) => tf.zeros([f.height, f.width, 3]) as tf.Tensor3D;

/** Runs `frames` frames; returns per frame the ids tracked. */
async function run(people: ScriptedPerson[], frames: number) {
  const { detector, state } = scriptedBlazePose(people);
  const tracker = createPersonTracker(detector, toTensor);
  const input = tf.zeros([H, W, 3]) as tf.Tensor3D;
  const ids: number[][] = [];
  const xs: number[][] = [];
  for (let i = 0; i < frames; i++) {
    state.frame = i;
    const found = await tracker.estimate(input, i / FPS, rgba);
    const list = found.people ?? (found.pose ? [{ id: 0, pose: found.pose }] : []);
    ids.push(list.map((p) => p.id));
    xs.push(list.map((p) => p.pose.keypoints[23].x + 12));
  }
  input.dispose();
  return { ids, xs, state };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('person tracker: when it looks for people', () => {
  const coach: ScriptedPerson = { x: 300, score: () => 0.95 };

  it('finds a person the detector scores under 0.5 on the first frame, from the next frame it scores over', async () => {
    // The mirrored two-people clip: the lifter scored 0.45 on frame 0 and 0.57 on frame 1.
    const lifter: ScriptedPerson = { x: 120, score: (i) => (i === 0 ? 0.45 : 0.57) };
    const { ids, xs } = await run([coach, lifter], 10);
    expect(ids[0]).toEqual([0]);
    for (let i = 1; i < 10; i++) expect(ids[i], `frame ${i}`).toEqual([0, 1]);
    expect(xs[5]).toEqual([300, 120]);
  });

  it(`keeps looking on each of the first ${SEARCH_START_FRAMES} frames`, async () => {
    const late: ScriptedPerson = { x: 120, score: (i) => (i === SEARCH_START_FRAMES - 1 ? 0.6 : 0.3) };
    const { ids } = await run([coach, late], SEARCH_START_FRAMES + 2);
    expect(ids[SEARCH_START_FRAMES - 2]).toEqual([0]);
    expect(ids[SEARCH_START_FRAMES - 1]).toEqual([0, 1]);
  });

  it('does not look again after the first frames while everyone found is still tracked (someone who walks in later is not analysed)', async () => {
    const walksIn = 2 * FPS;
    const newcomer: ScriptedPerson = { x: 120, score: (i) => (i >= walksIn ? 0.9 : undefined) };
    const { ids } = await run([coach, newcomer], 4 * FPS);
    expect(ids.every((list) => list.length === 1 && list[0] === 0)).toBe(true);
  });

  it(`with one person: the detector runs on the first ${SEARCH_START_FRAMES} frames only, and nobody else appears`, async () => {
    const frames = 4 * FPS;
    const { ids, state } = await run([coach], frames);
    expect(ids.every((list) => list.length === 1 && list[0] === 0)).toBe(true);
    expect(state.detections).toBe(SEARCH_START_FRAMES);
    // A detection of someone already tracked starts no landmark pass: one pass per frame.
    expect(state.landmarkCalls).toBe(frames);
  });

  it(`stops looking once ${MAX_PEOPLE} people are tracked`, async () => {
    const three = [coach, { x: 120, score: () => 0.8 }, { x: 210, score: () => 0.7 }];
    const { ids, state } = await run(three, 3 * FPS);
    expect(ids[0]).toEqual([0, 1, 2]);
    expect(state.detections).toBe(1);
  });
});
