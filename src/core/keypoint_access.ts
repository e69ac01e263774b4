/**
 * PoseTrack -> flat typed arrays (structure of arrays), the form every filter and metric in
 * core works on. One contiguous series per keypoint (x[k * n + i]) so filters stream through
 * memory; Float32 keeps an hour at 60 fps (216,000 frames x 33 keypoints) near 86 MB.
 *
 * Keypoints are looked up by name, so a track may carry any subset (e.g. no heels) in any
 * order. Anything non-finite (NaN, Infinity, missing score) becomes "missing": x = y = NaN,
 * score = 0. Downstream code checks `score >= gate`, never the raw coordinates.
 */
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseTrack } from './types';

export const KEYPOINT_COUNT = BLAZEPOSE_KEYPOINT_NAMES.length;

const INDEX_BY_NAME = new Map<string, number>(BLAZEPOSE_KEYPOINT_NAMES.map((n, i) => [n, i]));

/** Indices of the keypoints core measures with (BlazePose order). */
export const KP = {
  nose: 0,
  leftEar: 7,
  rightEar: 8,
  leftShoulder: 11,
  rightShoulder: 12,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftToe: 31,
  rightToe: 32,
} as const;

/** The keypoints the filters process; the rest (face, hands) pass through for drawing only. */
export const MEASURED_KEYPOINTS: readonly number[] = Object.values(KP);

/** Left/right pairs (left index, right index) of the measured keypoints. */
export const LR_PAIRS: readonly (readonly [number, number])[] = [
  [KP.leftEar, KP.rightEar],
  [KP.leftShoulder, KP.rightShoulder],
  [KP.leftHip, KP.rightHip],
  [KP.leftKnee, KP.rightKnee],
  [KP.leftAnkle, KP.rightAnkle],
  [KP.leftHeel, KP.rightHeel],
  [KP.leftToe, KP.rightToe],
];

export interface KeypointSeries {
  /** Frames. */
  n: number;
  /** Seconds per frame (NaN where the frame's t is not finite; fixed by `fixTimes`). */
  t: Float64Array;
  x: Float32Array;
  y: Float32Array;
  score: Float32Array;
  /** 1 where the pose model found a person in the frame. */
  present: Uint8Array;
}

export function allocSeries(n: number): KeypointSeries {
  const x = new Float32Array(n * KEYPOINT_COUNT).fill(NaN);
  const y = new Float32Array(n * KEYPOINT_COUNT).fill(NaN);
  return { n, t: new Float64Array(n), x, y, score: new Float32Array(n * KEYPOINT_COUNT), present: new Uint8Array(n) };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads a PoseTrack into typed arrays. Never throws on malformed frames. */
export function readKeypoints(track: PoseTrack): KeypointSeries {
  const frames = Array.isArray(track?.frames) ? track.frames : [];
  const n = frames.length;
  const s = allocSeries(n);
  for (let i = 0; i < n; i++) {
    const f = frames[i];
    s.t[i] = f && finite(f.t) ? f.t : NaN;
    const kps = f?.keypoints;
    if (!Array.isArray(kps)) continue;
    let any = false;
    for (let j = 0; j < kps.length; j++) {
      const kp = kps[j];
      if (!kp) continue;
      // Fast path: BlazePose order; else look the name up.
      const k = BLAZEPOSE_KEYPOINT_NAMES[j] === kp.name ? j : INDEX_BY_NAME.get(kp.name as string);
      if (k === undefined) continue;
      if (!finite(kp.x) || !finite(kp.y)) continue;
      const sc = finite(kp.score) ? Math.min(1, Math.max(0, kp.score)) : 0;
      const o = k * n + i;
      s.x[o] = kp.x;
      s.y[o] = kp.y;
      s.score[o] = sc;
      if (sc > 0) any = true;
    }
    s.present[i] = any ? 1 : 0;
  }
  fixTimes(s.t, track?.source?.fps);
  return s;
}

/**
 * Fills non-finite or non-increasing frame times from the neighbours and the declared fps, so
 * filters and tempo never see NaN. Returns the frame rate used.
 */
export function fixTimes(t: Float64Array, declaredFps?: number): number {
  const n = t.length;
  let fps = finite(declaredFps) && declaredFps > 0 ? declaredFps : NaN;
  if (!(fps > 0)) {
    // Median of positive finite steps.
    const steps: number[] = [];
    for (let i = 1; i < n && steps.length < 2000; i++) {
      const d = t[i] - t[i - 1];
      if (finite(d) && d > 0) steps.push(d);
    }
    steps.sort((a, b) => a - b);
    fps = steps.length ? 1 / steps[steps.length >> 1] : 30;
  }
  const dt = 1 / fps;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? t[i - 1] : -dt;
    if (!finite(t[i]) || t[i] <= prev) t[i] = prev + dt;
  }
  return fps;
}

/** Frame rate estimated from the (fixed) times: median step. */
export function estimateFps(t: Float64Array): number {
  const n = t.length;
  if (n < 2) return 30;
  const steps: number[] = [];
  const stride = Math.max(1, Math.floor(n / 2000));
  for (let i = stride; i < n; i += stride) steps.push((t[i] - t[i - stride]) / stride);
  steps.sort((a, b) => a - b);
  const m = steps[steps.length >> 1];
  return m > 0 ? 1 / m : 30;
}
