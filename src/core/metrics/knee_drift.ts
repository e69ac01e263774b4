/**
 * Knee drift (per side): how far the knee has moved toward the midline relative to its own ankle
 * since the lifter stood, in standing leg lengths; + = inward. Read from the front, from 45
 * degrees and from behind; not from the side.
 *
 * Why this and not the angle: "knee medial to foot" is the clinical criterion (Ageberg et al.
 * 2010, BMC Musculoskelet Disord 11:265, knee-over-foot vs knee-medial-to-foot in a mini squat;
 * the NASM overhead squat's "knees move in"), and the lifter's own standing frames remove what is
 * anatomy, stance and the pose model's landmark placement rather than movement: on the good
 * wide-stance clip front-two-reps-good BlazePose's standing FPPA is +10 deg and the knees then go
 * out. Uhlar et al. 2021 (Appl Sci 11:5536) likewise express valgus shift in % of lower-limb
 * length. Frontal angles also degenerate near parallel (knee_valgus.ts); the drift does not.
 *
 * Geometry (scripts/eval/knee_drift.ts has the research version and docs/metrics.md the
 * derivation). In the lifter's horizontal plane let X be the knee's offset from its ankle toward
 * the lifter's left and Z forward. The picture's x is cx X + sx Z, (cx, sx) = the picture-x parts
 * of the lifter's left and forward directions (lifterOrientation below, from BlazePose's 3D
 * hips). From the front (sx = 0) X is read directly. From 45 degrees the knee's forward travel and
 * its sideways travel both move it along the picture's x; the shank's length separates them: the
 * knee's horizontal reach from its ankle is R = sqrt(S^2 - v^2) (S the shank's true length in
 * pixels, v its vertical extent now), and (X, Z) is where the line cx X + sx Z = dx meets the
 * circle X^2 + Z^2 = R^2, on the side with the knee ahead of the ankle. Standing, the two shanks
 * are taken as mirror images (the lifter's other side as reference), which gives each knee's
 * standing offsets X0 and Z0 from one picture; S^2 = v0^2 + X0^2 + Z0^2. While the shank's
 * forward reach is within its own standing noise (nearly straight legs) the circle is ill
 * conditioned, so the knee is taken to stay above its ankle front to back (Z = Z0), blending into
 * the circle solution as the reach grows; standing values are then plain keypoint noise, which
 * the flags' noise gate and the asymmetry rule read (flags/standing_noise.ts).
 *
 * Confidence: the lowest keypoint score x |cx| (the share of sideways motion the picture shows:
 * 1 from the front, 0.7 at 45 degrees); not measurable when |cx| < 0.42 (a side view,
 * view_detection.ts's limit), and x 0.5 when the lifter faces away from the camera: from behind
 * BlazePose's left/right bias in this measure was 0.10 leg lengths on the one rear clip
 * (gym-rear-barbell, original vs mirrored), against <= 0.04 from the front and 45 degrees.
 *
 * Tested: exact on synthetic squats at every yaw (orthographic); with a pinhole camera at 3 m the
 * perspective moves it by up to 0.05 leg lengths at 45 degrees (scripts/eval/knee_oblique.ts).
 */
import { KP } from '../keypoint_access';
import type { PoseFrame, Side } from '../types';
import { type MetricContext, type MetricSeries, newSeries, usable } from './metric_context';

/** Below this |cos yaw| the picture is a side view (view_detection.ts). */
export const KNEE_DRIFT_MIN_ABS_COS_YAW = 0.42;
/** Confidence factor when the lifter faces away from the camera (see the file comment). */
export const KNEE_DRIFT_FROM_BEHIND = 0.5;

/**
 * The lifter's orientation in the picture: cx, sx = the picture-x components of the lifter's
 * left and forward directions (unit length together). From BlazePose's keypoints3D (metres,
 * x right, z away from the camera): the horizontal direction from the right hip to the left hip
 * is the lifter's left (Lx, Lz); forward is (Lz, -Lx), so cx = Lx and sx = Lz. Median over the
 * given frames (the standing ones: a squat does not turn the pelvis). Camera roll (a few degrees)
 * is ignored: it changes cx by under 0.5 %.
 */
export interface LifterOrientation {
  cx: number;
  sx: number;
  /** '3d' from keypoints3D; 'front' when the track has none: assumed facing the camera (sx = 0). */
  source: '3d' | 'front';
}

function medianOf(v: number[]): number {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function lifterOrientation(frames: readonly PoseFrame[], use: (i: number) => boolean, minScore: number): LifterOrientation | null {
  const lx: number[] = [];
  const lz: number[] = [];
  const sgn: number[] = [];
  for (let i = 0; i < frames.length; i++) {
    if (!use(i)) continue;
    const f = frames[i];
    const k3 = f.keypoints3D;
    if (k3) {
      let a, b;
      for (const k of k3) {
        if (k.name === 'left_hip') a = k;
        else if (k.name === 'right_hip') b = k;
      }
      if (a && b && a.score >= minScore && b.score >= minScore) {
        const x = a.x - b.x, z = a.z - b.z, h = Math.hypot(x, z);
        if (h > 0 && Number.isFinite(h)) {
          lx.push(x / h);
          lz.push(z / h);
        }
      }
    }
    if (f.keypoints) {
      let a, b;
      for (const k of f.keypoints) {
        if (k.name === 'left_hip') a = k;
        else if (k.name === 'right_hip') b = k;
      }
      if (a && b && a.score >= minScore && b.score >= minScore) sgn.push(Math.sign(a.x - b.x));
    }
  }
  if (lx.length >= 3) {
    let cx = medianOf(lx), sx = medianOf(lz);
    const h = Math.hypot(cx, sx);
    if (h > 0) return { cx: cx / h, sx: sx / h, source: '3d' };
  }
  if (!sgn.length) return null;
  return { cx: medianOf(sgn) >= 0 ? 1 : -1, sx: 0, source: 'front' };
}

/** Where cx X + sx Z = dx meets X^2 + Z^2 = R^2, the knee ahead of the ankle; the nearest point when they miss. */
export function solveKneeOffset(dx: number, R: number, cx: number, sx: number): { X: number; Z: number } {
  const t = Math.sqrt(Math.max(0, R * R - dx * dx)) * (cx >= 0 ? 1 : -1);
  return { X: dx * cx - t * sx, Z: dx * sx + t * cx };
}

function robustSpread(v: number[]): { median: number; sd: number } {
  const m = medianOf(v);
  return { median: m, sd: 1.4826 * medianOf(v.map((x) => Math.abs(x - m))) };
}

/** Both knees' drift series (they share the standing mirror reference). */
export function kneeDrift(ctx: MetricContext, orient: LifterOrientation | null): Record<Side, MetricSeries> {
  const { n, X, Y } = ctx;
  const out = { left: newSeries(n), right: newSeries(n) };
  if (!orient || !(Math.abs(orient.cx) >= KNEE_DRIFT_MIN_ABS_COS_YAW)) return out;
  const { cx, sx } = orient;
  const leg = ctx.base.legPx;
  if (!(leg > 0)) return out;
  const sides = [
    { side: 'left' as const, k: KP.leftKnee, a: KP.leftAnkle, medial: -1 },
    { side: 'right' as const, k: KP.rightKnee, a: KP.rightAnkle, medial: 1 },
  ];
  // Standing offsets (dx = knee x - ankle x; v = knee height above the ankle, Y is up).
  const st = sides.map((s) => {
    const dx: number[] = [], v: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!ctx.base.standing[i] || !usable(ctx, s.k, i) || !usable(ctx, s.a, i)) continue;
      dx.push(X[s.k * n + i] - X[s.a * n + i]);
      v.push(Y[s.k * n + i] - Y[s.a * n + i]);
    }
    return { dx: robustSpread(dx), v: robustSpread(v), count: dx.length };
  });
  if (st.some((s) => s.count < 3)) return out;
  const Z0 = Math.abs(sx) > 0.05 ? (st[0].dx.median + st[1].dx.median) / (2 * sx) : 0;
  const ref = sides.map((_s, j) => {
    const X0 = (st[j].dx.median - sx * Z0) / cx;
    const S2 = st[j].v.median ** 2 + X0 * X0 + Z0 * Z0;
    // The reach R is read from R^2 = S^2 - v^2, whose standing noise is about 2 S sd(v): below
    // three times that the knee counts as straight above the ankle.
    const rMin = Math.sqrt(6 * Math.sqrt(S2) * st[j].v.sd);
    return { X0, S2, rMin };
  });
  const facingAway = cx < 0 ? KNEE_DRIFT_FROM_BEHIND : 1;
  for (let i = 0; i < n; i++) {
    sides.forEach((s, j) => {
      const sk = usable(ctx, s.k, i), sa = usable(ctx, s.a, i);
      if (!sk || !sa) return;
      const dx = X[s.k * n + i] - X[s.a * n + i];
      const v = Y[s.k * n + i] - Y[s.a * n + i];
      const R = Math.sqrt(Math.max(0, ref[j].S2 - v * v));
      const upright = (dx - sx * Z0) / cx;
      const circle = solveKneeOffset(dx, R, cx, sx).X;
      const w = ref[j].rMin > 0 ? Math.min(1, Math.max(0, (R - ref[j].rMin) / ref[j].rMin)) : 1;
      const Xk = sx === 0 ? dx / cx : w * circle + (1 - w) * upright;
      const o = out[s.side];
      o.value[i] = (s.medial * (Xk - ref[j].X0)) / leg;
      o.confidence[i] = Math.min(sk, sa) * Math.abs(cx) * facingAway;
    });
  }
  return out;
}
