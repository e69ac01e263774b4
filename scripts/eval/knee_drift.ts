/**
 * Knee drift from any view that shows the knees' sideways motion (front, 45 degrees, rear):
 * how far each knee has moved toward the midline relative to its own ankle since the lifter
 * stood, in leg lengths. Self-contained research version (PoseTrack in, plain arrays out), the
 * reference for src/core's knee drift metric.
 *
 * Why relative to the ankle and the lifter's own standing frames: "knee medial to foot" is the
 * clinical criterion (Ageberg et al. 2010, BMC Musculoskelet Disord 11:265: knee-medial-to-foot
 * vs knee-over-foot in a mini squat; NASM: "knees move in"), and the lifter's standing frames
 * remove what is anatomy, stance and the pose model's landmark placement (front-two-reps-good
 * stands with FPPA +10 deg and then pushes the knees out). Uhlar et al. 2021 (Appl Sci 11:5536)
 * likewise express valgus shift in % of lower-limb length.
 *
 * Geometry. In the lifter's horizontal plane let X be the knee's offset from its ankle toward the
 * lifter's LEFT and Z its offset forward. A camera at yaw psi sees image x = cx X + sx Z with
 * (cx, sx) the picture-x components of the lifter's left and forward directions. From the front
 * (cx = +-1, sx = 0) X is read directly. From 45 degrees forward travel and sideways motion both
 * move the knee along the picture's x, and for the near knee in the same direction: one picture
 * cannot tell them apart. The shank length can: the knee's horizontal reach from its ankle is
 * R = sqrt(S^2 - v^2), S the standing shank length in the picture (vertical when standing, so not
 * shortened by yaw), v the shank's vertical extent now. (X, Z) is then where the line
 * cx X + sx Z = dx meets the circle X^2 + Z^2 = R^2, on the side with the knee ahead of the ankle.
 * The drift is X minus its standing value X0 (the standing offset read with the shank upright front
 * to back), so it is the knee's sideways travel since the lifter stood.
 *
 * (cx, sx) come from BlazePose's keypoints3D: the horizontal direction from the right hip to the
 * left hip (x right, z away from the camera) gives the lifter's left as (Lx, Lz) and forward as
 * (Lz, -Lx); its picture-x components are cx = Lx, sx = Lz. Median over the standing frames.
 * On the fixture clips this yaw reads 2-7 deg for the front clips, 44-47 for the 45-degree ones
 * and 78-84 for the side ones. A yaw error e moves X by about R e, in opposite directions for the
 * two knees; at 45 degrees the confidence is lowered by |cx| (the share of the sideways motion the
 * picture shows), and a side view (|cx| < 0.42) is not measurable.
 */
import type { PoseTrack } from '../../src/core/types';

export interface KneeDriftSeries {
  /** Per frame, + = toward the midline, in leg lengths; NaN = not measurable. */
  left: Float64Array;
  right: Float64Array;
  /** Per frame hip-mid height above the ankle-mid / standing (1 = standing). */
  hipHeight: Float64Array;
  /** Per frame 0..1. */
  confidence: Float64Array;
  /** Picture-x share of the lifter's left direction (|cos yaw|, signed), and of forward. */
  cx: number;
  sx: number;
  /** Standing leg length in pixels (thigh + shank, median of both sides). */
  legPx: number;
  standingFrames: number;
  /**
   * Per frame and side, the drift's keypoint noise (1 SD, leg lengths): the robust SD of the
   * knee-ankle offsets (x and y) over the standing frames, carried through this frame's solution.
   */
  noiseLeft: Float64Array;
  noiseRight: Float64Array;
}

interface Pt { x: number; y: number; s: number }
const NAMES = ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'] as const;

function median(v: number[]): number {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Knee bent enough for drift to mean anything: hip below 90 % of standing (src/core knee_valgus.ts's gate). */
export const BENT_HIP_HEIGHT = 0.9;
/** Below this |cos yaw| the picture is a side view (src/core/view_detection.ts's 0.42). */
export const MIN_ABS_COS_YAW = 0.42;

/**
 * Solves cx X + sx Z = dx, X^2 + Z^2 = R^2 for the branch with Z (forward) largest. When the
 * circle is too small for the line (noise: R < |dx|), the point of the line nearest the ankle.
 */
export function solveKneeOffset(dx: number, R: number, cx: number, sx: number): { X: number; Z: number } {
  const t = Math.sqrt(Math.max(0, R * R - dx * dx)) * (cx >= 0 ? 1 : -1);
  return { X: dx * cx - t * sx, Z: dx * sx + t * cx };
}

export function kneeDriftSeries(track: PoseTrack, minScore = 0.5): KneeDriftSeries {
  const n = track.frames.length;
  const P: Array<Record<string, Pt> | null> = track.frames.map((f) => {
    if (!f.keypoints) return null;
    const m: Record<string, Pt> = {};
    for (const k of f.keypoints) m[k.name] = { x: k.x, y: k.y, s: k.score };
    return NAMES.every((nm) => m[nm] && m[nm].s >= minScore && Number.isFinite(m[nm].x) && Number.isFinite(m[nm].y)) ? m : null;
  });
  const hh = P.map((p) => (p ? (p.left_ankle.y + p.right_ankle.y) / 2 - (p.left_hip.y + p.right_hip.y) / 2 : NaN));
  const seen = hh.filter(Number.isFinite).sort((a, b) => a - b);
  const top = seen.length ? seen[Math.floor(0.9 * (seen.length - 1))] : NaN;
  const standing = hh.map((v) => v >= 0.92 * top);
  const stIdx = standing.flatMap((s, i) => (s ? [i] : []));

  // Lifter orientation from the 3D hips over the standing frames.
  const lx: number[] = [], lz: number[] = [];
  for (const i of stIdx) {
    const k3 = track.frames[i].keypoints3D;
    if (!k3) continue;
    const a = k3.find((k) => k.name === 'left_hip'), b = k3.find((k) => k.name === 'right_hip');
    if (!a || !b || !(Math.min(a.score, b.score) >= minScore)) continue;
    const x = a.x - b.x, z = a.z - b.z, h = Math.hypot(x, z);
    if (h > 0) { lx.push(x / h); lz.push(z / h); }
  }
  let cx = median(lx), sx = median(lz);
  const h = Math.hypot(cx, sx);
  if (h > 0) { cx /= h; sx /= h; }
  else {
    // No 3D: only a front view can be read, with the lifter's left wherever the left hip is.
    const sgn = median(stIdx.map((i) => Math.sign(P[i]!.left_hip.x - P[i]!.right_hip.x)));
    cx = sgn >= 0 ? 1 : -1;
    sx = 0;
  }

  const st = (f: (p: Record<string, Pt>) => number) => median(stIdx.map((i) => f(P[i]!)));
  const len = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);
  const sides = [
    { side: 'left' as const, hip: 'left_hip', knee: 'left_knee', ankle: 'left_ankle', medial: -1 },
    { side: 'right' as const, hip: 'right_hip', knee: 'right_knee', ankle: 'right_ankle', medial: 1 },
  ];
  const legPx = median(sides.map((s) => st((p) => len(p[s.hip], p[s.knee]) + len(p[s.knee], p[s.ankle]))));
  const out: KneeDriftSeries = {
    left: new Float64Array(n).fill(NaN), right: new Float64Array(n).fill(NaN), hipHeight: new Float64Array(n).fill(NaN),
    confidence: new Float64Array(n), cx, sx, legPx, standingFrames: stIdx.length,
    noiseLeft: new Float64Array(n).fill(NaN), noiseRight: new Float64Array(n).fill(NaN),
  };
  if (stIdx.length < 3 || !(legPx > 0) || !(Math.abs(cx) >= MIN_ABS_COS_YAW)) return out;
  // Standing: each knee's offset from its ankle, sideways X0 and forward Z0. One picture gives one
  // number per knee (dx0 = cx X0 + sx Z0), so the lifter's other side is the reference: standing,
  // the two shanks are taken as mirror images (X0 opposite, Z0 equal), which gives both. The
  // shank's true length in pixels is then its standing vertical extent with X0 and Z0 added back.
  const dx0 = sides.map((s) => st((p) => p[s.knee].x - p[s.ankle].x));
  const Z0 = Math.abs(sx) > 0.05 ? (dx0[0] + dx0[1]) / (2 * sx) : 0;
  const refs = sides.map((s, j) => {
    const v0 = st((p) => p[s.ankle].y - p[s.knee].y);
    const X0 = (dx0[j] - sx * Z0) / cx;
    const robustSd = (f: (p: Record<string, Pt>) => number) => {
      const v = stIdx.map((i) => f(P[i]!));
      const m = median(v);
      return 1.4826 * median(v.map((x) => Math.abs(x - m)));
    };
    return { X0, S2: v0 * v0 + X0 * X0 + Z0 * Z0, sdDx: robustSd((p) => p[s.knee].x - p[s.ankle].x), sdV: robustSd((p) => p[s.ankle].y - p[s.knee].y) };
  });
  for (let i = 0; i < n; i++) {
    const p = P[i];
    if (!p) continue;
    out.hipHeight[i] = hh[i] / top;
    if (!(out.hipHeight[i] < BENT_HIP_HEIGHT)) continue;
    sides.forEach((s, j) => {
      const v = p[s.ankle].y - p[s.knee].y;
      const R = Math.sqrt(Math.max(0, refs[j].S2 - v * v));
      const dx = p[s.knee].x - p[s.ankle].x;
      const { X } = solveKneeOffset(dx, R, cx, sx);
      // Medial = toward the other side: -X for the left knee (X points to the lifter's left), +X for the right.
      (j === 0 ? out.left : out.right)[i] = (s.medial * (X - refs[j].X0)) / legPx;
      // dX/d(dx) = cx + sx dx / t, dX/dv = sx v / t (t = sqrt(R^2 - dx^2), floored at 10 % of the shank
      // so that a shank seen end-on does not claim infinite noise).
      const t = Math.max(Math.sqrt(Math.max(0, R * R - dx * dx)), 0.1 * Math.sqrt(refs[j].S2));
      const gx = cx + (sx * Math.abs(dx)) / t, gv = (sx * v) / t;
      (j === 0 ? out.noiseLeft : out.noiseRight)[i] = Math.hypot(gx * refs[j].sdDx, gv * refs[j].sdV) / legPx;
    });
    out.confidence[i] = Math.min(...NAMES.map((nm) => p[nm].s)) * Math.abs(cx);
  }
  return out;
}

/**
 * Reps as the deep parts of the squat: runs of frames whose hip is below the midpoint between
 * standing (1) and the clip's lowest hip height, each needing the hip to drop by 10 % of standing
 * (src/core's rep rule). Returns [from, to] frame ranges of the lower half of each rep.
 */
export function deepHalves(hipHeight: Float64Array): Array<[number, number]> {
  const seen = Array.from(hipHeight).filter(Number.isFinite);
  if (!seen.length) return [];
  const low = Math.min(...seen);
  if (!(low < 0.9)) return [];
  const mid = 1 - 0.5 * (1 - low);
  const out: Array<[number, number]> = [];
  let a = -1;
  for (let i = 0; i <= hipHeight.length; i++) {
    const deep = i < hipHeight.length && hipHeight[i] <= mid;
    if (deep && a < 0) a = i;
    else if (!deep && a >= 0) {
      out.push([a, i - 1]);
      a = -1;
    }
  }
  return out;
}

/** Largest value held over `hold` consecutive measurable frames within [from, to] (rep_peaks.ts sustainedPeak). */
export function sustainedMax(v: Float64Array, from: number, to: number, hold: number): number {
  let best = -Infinity;
  const win: number[] = [];
  for (let i = from; i <= to; i++) {
    if (!Number.isFinite(v[i])) { win.length = 0; continue; }
    win.push(v[i]);
    if (win.length > hold) win.shift();
    if (win.length === hold) best = Math.max(best, Math.min(...win));
  }
  return Number.isFinite(best) ? best : NaN;
}
