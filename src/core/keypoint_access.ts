/**
 * PoseTrack -> flat typed arrays (structure of arrays), the form every filter and metric in
 * core works on. One contiguous series per keypoint (x[k * n + i]) so filters stream through
 * memory; Float32 keeps an hour at 60 fps (216,000 frames x 33 keypoints) near 86 MB.
 *
 * Keypoints are looked up by name, so a track may carry any subset (e.g. no heels) in any
 * order. Anything non-finite (NaN, Infinity, missing score) becomes "missing": x = y = NaN,
 * score = 0. Downstream code checks `score >= gate`, never the raw coordinates.
 */
import { PackedFrame, type PackedPoses } from './packed_track';
import { BLAZEPOSE_KEYPOINT_NAMES, type KeypointName, type PoseTrack } from './types';

/**
 * Slots of the keypoints core measures with. Series are laid out by slot (0..14), not by
 * BlazePose index, so an hour of video holds 15 keypoints, not 33; the face and hands are never
 * read here (the smoothed track passes them through from the input frames).
 */
export const KP = {
  nose: 0,
  leftEar: 1,
  rightEar: 2,
  leftShoulder: 3,
  rightShoulder: 4,
  leftHip: 5,
  rightHip: 6,
  leftKnee: 7,
  rightKnee: 8,
  leftAnkle: 9,
  rightAnkle: 10,
  leftHeel: 11,
  rightHeel: 12,
  leftToe: 13,
  rightToe: 14,
} as const;

/** BlazePose name of each slot. */
export const SLOT_NAMES: readonly KeypointName[] = [
  'nose', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip',
  'left_knee', 'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel',
  'left_foot_index', 'right_foot_index',
];
export const SLOT_COUNT = SLOT_NAMES.length;
/** BlazePose index (model output order) of each slot. */
export const SLOT_BLAZEPOSE_INDEX: readonly number[] = SLOT_NAMES.map((n) => BLAZEPOSE_KEYPOINT_NAMES.indexOf(n));
const SLOT_BY_NAME = new Map<string, number>(SLOT_NAMES.map((n, i) => [n, i]));
export function slotOf(name: string): number | undefined {
  return SLOT_BY_NAME.get(name);
}

/** All slots, for loops over every measured keypoint. */
export const MEASURED_KEYPOINTS: readonly number[] = SLOT_NAMES.map((_, i) => i);

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
  const x = new Float32Array(n * SLOT_COUNT).fill(NaN);
  const y = new Float32Array(n * SLOT_COUNT).fill(NaN);
  return { n, t: new Float64Array(n), x, y, score: new Float32Array(n * SLOT_COUNT), present: new Uint8Array(n) };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Stores one keypoint into slot k of frame i; true when it counts as found (score > 0). */
function storeValues(s: KeypointSeries, k: number, i: number, x: unknown, y: unknown, raw: unknown): boolean {
  if (!finite(x) || !finite(y)) return false;
  const sc = finite(raw) ? (raw < 0 ? 0 : raw > 1 ? 1 : raw) : 0;
  const o = k * s.n + i;
  s.x[o] = x;
  s.y[o] = y;
  s.score[o] = sc;
  return sc > 0;
}

/** Column of each slot in a PackedPoses' names (-1 where it has none). */
function packedColumns(poses: PackedPoses): Int32Array {
  const cols = new Int32Array(SLOT_COUNT);
  for (let k = 0; k < SLOT_COUNT; k++) {
    // The last of that name, as the object path's name lookup keeps the last one it stores.
    cols[k] = poses.names.lastIndexOf(SLOT_NAMES[k]);
  }
  return cols;
}

/** A packed frame's slots straight from its arrays (no keypoint objects); true when any was found. */
function storePackedFrame(s: KeypointSeries, i: number, f: PackedFrame, cols: Int32Array): boolean {
  const { xys, names } = f.poses;
  const base = f.i * names.length * 3;
  let any = false;
  for (let k = 0; k < SLOT_COUNT; k++) {
    const c = cols[k];
    if (c < 0) continue;
    const o = base + c * 3;
    if (storeValues(s, k, i, xys[o], xys[o + 1], xys[o + 2])) any = true;
  }
  return any;
}

/** Reads a PoseTrack into typed arrays. Never throws on malformed frames. */
export function readKeypoints(track: PoseTrack): KeypointSeries {
  const frames = Array.isArray(track?.frames) ? track.frames : [];
  const n = frames.length;
  const s = allocSeries(n);
  let packed: PackedPoses | null = null;
  let cols: Int32Array = new Int32Array(0);
  for (let i = 0; i < n; i++) {
    const f = frames[i];
    if (f instanceof PackedFrame) {
      if (f.poses !== packed) {
        packed = f.poses;
        cols = packedColumns(packed);
      }
      const t = f.t;
      s.t[i] = finite(t) ? t : NaN;
      s.present[i] = packed.found[f.i] && storePackedFrame(s, i, f, cols) ? 1 : 0;
      continue;
    }
    s.t[i] = f && finite(f.t) ? f.t : NaN;
    const kps = f?.keypoints;
    if (!Array.isArray(kps)) continue;
    let any = false;
    // Fast path: BlazePose order (the model's own output); else look each name up.
    let ordered = kps.length === BLAZEPOSE_KEYPOINT_NAMES.length;
    if (ordered) {
      for (let k = 0; k < SLOT_COUNT; k++) {
        const kp = kps[SLOT_BLAZEPOSE_INDEX[k]];
        if (!kp || kp.name !== SLOT_NAMES[k]) { ordered = false; break; }
        if (storeValues(s, k, i, kp.x, kp.y, kp.score)) any = true;
      }
    }
    if (!ordered) {
      for (let j = 0; j < kps.length; j++) {
        const kp = kps[j];
        if (!kp || typeof kp !== 'object') continue;
        const k = SLOT_BY_NAME.get(kp.name as string);
        if (k !== undefined && storeValues(s, k, i, kp.x, kp.y, kp.score)) any = true;
      }
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
  // A frame rate outside 1..1000 fps is a broken header or broken times, not a camera.
  fps = Math.min(1000, Math.max(1, fps));
  const dt = 1 / fps;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? t[i - 1] : -dt;
    if (!finite(t[i]) || t[i] <= prev) t[i] = prev + dt;
    if (!finite(t[i])) t[i] = prev; // overflow near 1e308: hold the last finite time
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
  return m > 0 ? Math.min(1000, Math.max(1, 1 / m)) : 30;
}
