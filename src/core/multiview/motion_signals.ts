/**
 * View-robust motion signals of one PoseTrack, for lining two videos of the same set up in time.
 *
 * Two cameras see the same body from different directions, so most 2D measures differ between
 * them (a knee's forward travel is horizontal in a side view and invisible from the front). What
 * every upright camera shares is the world's vertical: a joint rising or sinking moves up or down
 * in every picture, whatever the azimuth. So each signal here is a VERTICAL position in the image:
 *   - the hip-mid above the lower ankle (the standing foot: the floor), and
 *   - shoulders, elbows, wrists, knees, ankles above the hip-mid,
 * each divided by the clip's median torso length (scale of the person in that picture).
 *
 * Left and right enter only as the mean of both sides and the absolute difference between them,
 * never one side alone: BlazePose swaps the two sides for runs of frames (seen here on the
 * Pose2Sim front camera, ../shared/fixtures/multiview, frames ~45-75), and a mirrored selfie video
 * swaps them for good; mean and |difference| are the same either way.
 *
 * Keypoints scored below MIN_SCORE are missing (NaN), never guessed. Each signal is low-passed at
 * 6 Hz with the core's zero-phase Butterworth (Winter 2009, as for every kinematic series here),
 * per run of valid frames, so a 30 fps and a 60 fps video of the same movement carry the same band
 * before they are resampled to a common clock.
 */
import type { PoseTrack } from '../types';
import { butterworthLowPass, filtfiltRun, usableCutoffHz } from '../filters/zero_phase_low_pass';

/** Below this BlazePose score a keypoint is treated as not seen (the core's flag gate is the same order). */
export const MIN_SCORE = 0.5;
const LOW_PASS_HZ = 6;

const JOINTS = ['shoulder', 'elbow', 'wrist', 'knee', 'ankle'] as const;

/** Names of the signals, in a fixed order. */
export const MOTION_SIGNAL_NAMES: readonly string[] = [
  'hipAboveFeet',
  ...JOINTS.flatMap((j) => [`${j}.mean`, `${j}.spread`]),
];

export interface MotionSignals {
  /** Frame times, seconds (the track's own clock). */
  t: Float64Array;
  /** Frames per second of the track. */
  fps: number;
  /** One series per MOTION_SIGNAL_NAMES entry; NaN where not seen. Torso lengths, up positive. */
  values: Record<string, Float32Array>;
}

const NAMES = [
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const;
type Name = (typeof NAMES)[number];

/** Image y of each needed keypoint per frame (NaN when missing or scored below MIN_SCORE). */
function readY(track: PoseTrack): { y: Record<Name, Float32Array>; x: Record<Name, Float32Array> } {
  const n = track.frames.length;
  const y = {} as Record<Name, Float32Array>;
  const x = {} as Record<Name, Float32Array>;
  for (const name of NAMES) {
    y[name] = new Float32Array(n).fill(NaN);
    x[name] = new Float32Array(n).fill(NaN);
  }
  const wanted = new Set<string>(NAMES);
  for (let i = 0; i < n; i++) {
    const kps = track.frames[i]?.keypoints;
    if (!Array.isArray(kps)) continue;
    for (const kp of kps) {
      if (!kp || !wanted.has(kp.name)) continue;
      if (!(kp.score >= MIN_SCORE) || !Number.isFinite(kp.x) || !Number.isFinite(kp.y)) continue;
      y[kp.name as Name][i] = kp.y;
      x[kp.name as Name][i] = kp.x;
    }
  }
  return { y, x };
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Frame rate from the source, else from the median frame step. */
function trackFps(track: PoseTrack, t: Float64Array): number {
  const declared = track.source?.fps;
  if (typeof declared === 'number' && declared > 0 && Number.isFinite(declared)) return declared;
  const steps: number[] = [];
  for (let i = 1; i < t.length; i++) if (t[i] > t[i - 1]) steps.push(t[i] - t[i - 1]);
  const m = median(steps);
  return m > 0 ? 1 / m : 30;
}

/** Zero-phase low-pass of each run of finite values, in place. */
function lowPassRuns(v: Float32Array, fps: number): void {
  const f = butterworthLowPass(usableCutoffHz(LOW_PASS_HZ, fps), fps);
  let i = 0;
  while (i < v.length) {
    while (i < v.length && !Number.isFinite(v[i])) i++;
    const start = i;
    while (i < v.length && Number.isFinite(v[i])) i++;
    if (i - start >= 3) filtfiltRun(v, start, i, f);
  }
}

/** The view-robust motion signals of a track (see file comment). */
export function motionSignals(track: PoseTrack): MotionSignals {
  const n = track.frames.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = track.frames[i]?.t ?? NaN;
  const fps = trackFps(track, t);
  const { y, x } = readY(track);
  const mid = (a: Float32Array, b: Float32Array, i: number) => (a[i] + b[i]) / 2;

  // The person's scale in this picture: median shoulder-mid to hip-mid distance.
  const torsos: number[] = [];
  for (let i = 0; i < n; i++) {
    const dx = mid(x.left_shoulder, x.right_shoulder, i) - mid(x.left_hip, x.right_hip, i);
    const dy = mid(y.left_shoulder, y.right_shoulder, i) - mid(y.left_hip, y.right_hip, i);
    const d = Math.hypot(dx, dy);
    if (d > 0) torsos.push(d);
  }
  const torso = median(torsos);
  const values: Record<string, Float32Array> = {};
  for (const name of MOTION_SIGNAL_NAMES) values[name] = new Float32Array(n).fill(NaN);
  if (!(torso > 0)) return { t, fps, values };

  for (let i = 0; i < n; i++) {
    const hipY = mid(y.left_hip, y.right_hip, i);
    // Image y grows downward: "above" is hipY - jointY.
    const floorY = Math.max(y.left_ankle[i], y.right_ankle[i]);
    values.hipAboveFeet[i] = (floorY - hipY) / torso;
    for (const j of JOINTS) {
      const l = (hipY - y[`left_${j}`][i]) / torso;
      const r = (hipY - y[`right_${j}`][i]) / torso;
      values[`${j}.mean`][i] = (l + r) / 2;
      values[`${j}.spread`][i] = Math.abs(l - r);
    }
  }
  for (const name of MOTION_SIGNAL_NAMES) lowPassRuns(values[name], fps);
  return { t, fps, values };
}

/**
 * Samples a series (times t, values v; NaN = missing) at times t0 + k/rate, k = 0..count-1, by
 * linear interpolation between neighbouring valid frames no further apart than maxGapS; NaN
 * elsewhere. Times are assumed increasing.
 */
export function resample(t: Float64Array, v: Float32Array, t0: number, rate: number, count: number, maxGapS: number): Float64Array {
  const out = new Float64Array(count).fill(NaN);
  let j = 0;
  for (let k = 0; k < count; k++) {
    const tk = t0 + k / rate;
    while (j + 1 < t.length && t[j + 1] <= tk) j++;
    if (j + 1 >= t.length) {
      if (t[j] === tk && Number.isFinite(v[j])) out[k] = v[j];
      continue;
    }
    const ta = t[j];
    const tb = t[j + 1];
    if (tk < ta) continue;
    const va = v[j];
    const vb = v[j + 1];
    if (!Number.isFinite(va) || !Number.isFinite(vb) || tb - ta > maxGapS) continue;
    out[k] = tb > ta ? va + ((vb - va) * (tk - ta)) / (tb - ta) : va;
  }
  return out;
}
