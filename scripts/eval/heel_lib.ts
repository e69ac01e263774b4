/**
 * Self-contained candidate heel-lift measures for research (scripts/eval), computed from a
 * PoseTrack and the core's computeFrameMetrics result (filtered 2D keypoints, roll, standing
 * frames). Not used by the app.
 */
import { removeRoll } from '../../src/core/camera_roll';
import type { FrameMetricsResult } from '../../src/core/frame_metrics';
import { KP, MEASURED_KEYPOINTS, readKeypoints } from '../../src/core/keypoint_access';
import { runningStandingReference } from '../../src/core/standing_baseline';
import { butterworthLowPass, filtfiltRun, usableCutoffHz } from '../../src/core/filters/zero_phase_low_pass';
import type { PoseTrack, Rep, Side } from '../../src/core/types';

const MIN_SCORE = 0.3;
const BP = { lShoulder: 11, rShoulder: 12, lHip: 23, rHip: 24, lAnkle: 27, rAnkle: 28, lHeel: 29, rHeel: 30, lToe: 31, rToe: 32 };

export interface FootSeries {
  heelScore: Float32Array;
  toeScore: Float32Array;
  ankleScore: Float32Array;
  /** 2D heel height above the toe minus its standing value, foot lengths. */
  h2: Float32Array;
  /** 2D ankle height above the toe minus standing, foot lengths. */
  a2: Float32Array;
  /** 3D heel height above the toe minus standing, cm. */
  h3: Float32Array;
  /** 3D foot pitch minus standing, degrees (+ = heel up). */
  p3: Float32Array;
  /** 3D ankle height above the toe minus standing, cm. */
  a3: Float32Array;
  /** 3D heel-to-toe length, cm (per frame). */
  len3: Float32Array;
}

/** keypoints3D of one BlazePose index as x, y, z, score columns, low-passed like the 2D. */
export function read3D(track: PoseTrack, bp: number, fps: number): { x: Float32Array; y: Float32Array; z: Float32Array; s: Float32Array } {
  const n = track.frames.length;
  const x = new Float32Array(n).fill(NaN), y = new Float32Array(n).fill(NaN), z = new Float32Array(n).fill(NaN), s = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const k = track.frames[i].keypoints3D?.[bp];
    if (!k) continue;
    x[i] = k.x; y[i] = k.y; z[i] = k.z; s[i] = k.score;
  }
  const f = butterworthLowPass(usableCutoffHz(6, fps), fps);
  let i = 0;
  while (i < n) {
    while (i < n && !(s[i] >= MIN_SCORE && x[i] === x[i])) i++;
    const a = i;
    while (i < n && s[i] >= MIN_SCORE && x[i] === x[i]) i++;
    if (i - a >= 3) for (const c of [x, y, z]) filtfiltRun(c, a, i, f);
  }
  return { x, y, z, s };
}

/**
 * The lifter's "up" in the 3D frame: the median ankle-mid -> shoulder-mid direction over
 * standing frames (BlazePose's world frame turns with the camera, so camera pitch and roll
 * tilt its y axis; the standing body does not).
 */
export function upVector3D(track: PoseTrack, standing: Uint8Array): [number, number, number] {
  const vs: [number, number, number][] = [];
  for (let i = 0; i < track.frames.length; i++) {
    const k = track.frames[i].keypoints3D;
    if (!standing[i] || !k) continue;
    const sx = (k[BP.lShoulder].x + k[BP.rShoulder].x) / 2, sy = (k[BP.lShoulder].y + k[BP.rShoulder].y) / 2, sz = (k[BP.lShoulder].z + k[BP.rShoulder].z) / 2;
    const ax = (k[BP.lAnkle].x + k[BP.rAnkle].x) / 2, ay = (k[BP.lAnkle].y + k[BP.rAnkle].y) / 2, az = (k[BP.lAnkle].z + k[BP.rAnkle].z) / 2;
    const d = Math.hypot(sx - ax, sy - ay, sz - az);
    if (d > 0) vs.push([(sx - ax) / d, (sy - ay) / d, (sz - az) / d]);
  }
  if (!vs.length) return [0, -1, 0];
  const med = (j: number) => vs.map((v) => v[j]).sort((a, b) => a - b)[vs.length >> 1];
  const u: [number, number, number] = [med(0), med(1), med(2)];
  const d = Math.hypot(...u);
  return [u[0] / d, u[1] / d, u[2] / d];
}

export function footSeries(track: PoseTrack, fm: FrameMetricsResult, side: Side): FootSeries {
  const n = track.frames.length;
  const s = readKeypoints(fm.smoothed);
  removeRoll(s, MEASURED_KEYPOINTS, fm.cameraRollDeg, track.source.width / 2, track.source.height / 2, s.x, s.y);
  const heel = side === 'left' ? KP.leftHeel : KP.rightHeel;
  const toe = side === 'left' ? KP.leftToe : KP.rightToe;
  const ankle = side === 'left' ? KP.leftAnkle : KP.rightAnkle;
  const foot = fm.clip.standing.footPx;
  const standing = fm.clip.standing.standing;
  const out: FootSeries = {
    heelScore: new Float32Array(n), toeScore: new Float32Array(n), ankleScore: new Float32Array(n),
    h2: new Float32Array(n).fill(NaN), a2: new Float32Array(n).fill(NaN), h3: new Float32Array(n).fill(NaN),
    p3: new Float32Array(n).fill(NaN), a3: new Float32Array(n).fill(NaN), len3: new Float32Array(n).fill(NaN),
  };
  const rawH = new Float32Array(n).fill(NaN), rawA = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    out.heelScore[i] = s.score[heel * n + i];
    out.toeScore[i] = s.score[toe * n + i];
    out.ankleScore[i] = s.score[ankle * n + i];
    if (!(s.score[toe * n + i] >= MIN_SCORE)) continue;
    if (s.score[heel * n + i] >= MIN_SCORE) rawH[i] = s.y[heel * n + i] - s.y[toe * n + i];
    if (s.score[ankle * n + i] >= MIN_SCORE) rawA[i] = s.y[ankle * n + i] - s.y[toe * n + i];
  }
  relative(rawH, standing, out.h2, 1 / foot);
  relative(rawA, standing, out.a2, 1 / foot);

  const fps = fm.clip.fps;
  const bpHeel = side === 'left' ? BP.lHeel : BP.rHeel, bpToe = side === 'left' ? BP.lToe : BP.rToe, bpAnkle = side === 'left' ? BP.lAnkle : BP.rAnkle;
  const H = read3D(track, bpHeel, fps), T = read3D(track, bpToe, fps), A = read3D(track, bpAnkle, fps);
  const up = upVector3D(track, standing);
  const raw3h = new Float32Array(n).fill(NaN), raw3p = new Float32Array(n).fill(NaN), raw3a = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (!(T.s[i] >= MIN_SCORE)) continue;
    if (H.s[i] >= MIN_SCORE) {
      const dx = H.x[i] - T.x[i], dy = H.y[i] - T.y[i], dz = H.z[i] - T.z[i];
      const h = dx * up[0] + dy * up[1] + dz * up[2];
      const len = Math.hypot(dx, dy, dz);
      raw3h[i] = h * 100;
      out.len3[i] = len * 100;
      raw3p[i] = (Math.asin(Math.max(-1, Math.min(1, h / len))) * 180) / Math.PI;
    }
    if (A.s[i] >= MIN_SCORE) {
      const dx = A.x[i] - T.x[i], dy = A.y[i] - T.y[i], dz = A.z[i] - T.z[i];
      raw3a[i] = (dx * up[0] + dy * up[1] + dz * up[2]) * 100;
    }
  }
  relative(raw3h, standing, out.h3, 1);
  relative(raw3p, standing, out.p3, 1);
  relative(raw3a, standing, out.a3, 1);
  return out;
}

/** out = (v - v's standing reference) x scale. */
function relative(v: Float32Array, standing: Uint8Array, out: Float32Array, scale: number): void {
  const ref = new Float32Array(v.length);
  runningStandingReference(v, standing, 'median', ref);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] - ref[i]) * scale;
}

/** Frame indices of a rep's bottom: hip height within the lowest 25 % of the rep's range. */
export function repBottomFrames(fm: FrameMetricsResult, rep: Rep): number[] {
  const idx: number[] = [];
  const t = fm.series.t;
  for (let i = 0; i < t.length; i++) if (t[i] >= rep.start - 1e-6 && t[i] <= rep.end + 1e-6) idx.push(i);
  const hh = idx.map((i) => fm.clip.hipHeight[i]).filter((h) => Number.isFinite(h));
  if (!hh.length) return idx;
  const lo = Math.min(...hh), hi = Math.max(...hh);
  const cut = lo + 0.25 * (hi - lo);
  return idx.filter((i) => fm.clip.hipHeight[i] <= cut);
}

/** Winter 2009: foot breadth 0.055 H, thigh + shank 0.491 H. */
export const FOOT_BREADTH_PER_LEG = 0.055 / 0.491;

/**
 * Per frame, which foot is hidden behind the other (0 none, 1 left, 2 right), from keypoints3D:
 * the ankles' sideways separation across the picture (3D x) is less than a foot's breadth
 * (0.112 x the 3D leg length, Winter 2009) so one foot stands behind the other, and the far one
 * is the one deeper in the picture (larger 3D z). Scale-free, and a mirrored video gives the
 * same physical foot (its label swapped). Also returns the separation / breadth ratio.
 */
export function hiddenFoot3D(track: PoseTrack, fps: number): { hidden: Uint8Array; sep: Float32Array } {
  const n = track.frames.length;
  const L = read3D(track, BP.lAnkle, fps), R = read3D(track, BP.rAnkle, fps);
  const lh = read3D(track, BP.lHip, fps), rh = read3D(track, BP.rHip, fps);
  const lk = read3D(track, 25, fps), rk = read3D(track, 26, fps);
  const legs: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [h, k, a] of [[lh, lk, L], [rh, rk, R]] as const) {
      const t = Math.hypot(h.x[i] - k.x[i], h.y[i] - k.y[i], h.z[i] - k.z[i]) + Math.hypot(k.x[i] - a.x[i], k.y[i] - a.y[i], k.z[i] - a.z[i]);
      if (t > 0) legs.push(t);
    }
  }
  legs.sort((a, b) => a - b);
  const leg = legs.length ? legs[legs.length >> 1] : NaN;
  const breadth = FOOT_BREADTH_PER_LEG * leg;
  const hidden = new Uint8Array(n), sep = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const dx = Math.abs(L.x[i] - R.x[i]), dz = L.z[i] - R.z[i];
    if (!(dx === dx) || !(breadth > 0)) continue;
    sep[i] = dx / breadth;
    if (dx < breadth) hidden[i] = dz > 0 ? 1 : 2;
  }
  return { hidden, sep };
}

/**
 * The stance seen from the camera, from the standing frames (the feet do not move during a
 * squat, and standing keypoints are the model's best): the ankles' separation across the
 * picture in foot breadths (2D pixels; foot breadth 0.112 x standing leg, Winter 2009), and the
 * foot behind the other when they overlap (separation < 1 breadth): the deeper one in 3D (larger
 * keypoints3D z), else the lower-scoring one.
 */
export function stanceHiddenFoot(track: PoseTrack, fm: FrameMetricsResult): { separation: number; hidden: 0 | 1 | 2; far: 0 | 1 | 2 } {
  const st = fm.clip.standing.standing;
  const breadth = FOOT_BREADTH_PER_LEG * (fm.clip.standing.thighPx + fm.clip.standing.shankPx);
  const sep: number[] = [], dz: number[] = [], ds: number[] = [];
  for (let i = 0; i < track.frames.length; i++) {
    const k = track.frames[i].keypoints;
    if (!st[i] || !k) continue;
    if (k[BP.lAnkle].score >= MIN_SCORE && k[BP.rAnkle].score >= MIN_SCORE) sep.push(Math.abs(k[BP.lAnkle].x - k[BP.rAnkle].x) / breadth);
    const k3 = track.frames[i].keypoints3D;
    if (k3) dz.push((k3[BP.lAnkle].z + k3[BP.lHeel].z) / 2 - (k3[BP.rAnkle].z + k3[BP.rHeel].z) / 2);
    ds.push(k[BP.lAnkle].score + k[BP.lHeel].score + k[BP.lToe].score - k[BP.rAnkle].score - k[BP.rHeel].score - k[BP.rToe].score);
  }
  const m = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : NaN);
  const separation = m(sep);
  const z = m(dz), s = m(ds);
  const far: 0 | 1 | 2 = z === z && Math.abs(z) > 0 ? (z > 0 ? 1 : 2) : s === s && s !== 0 ? (s < 0 ? 1 : 2) : 0;
  return { separation, hidden: separation < 1 ? far : 0, far };
}
