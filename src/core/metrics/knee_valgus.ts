/**
 * Knee valgus as the frontal plane projection angle (FPPA): the angle between the thigh
 * (hip -> knee) and the shank (knee -> ankle) in the picture, signed + when the knee lies
 * on the midline side of the hip-ankle line (valgus), - when outside (varus); measured only
 * while the knees are bent (hip below 90 % of its standing height above the ankles).
 * Why only bent: the norms are for the bent knee (peak flexion in landing), and with straight
 * legs the number is the pose model's landmark placement, not movement: on the good
 * wide-stance fixture front-two-reps-good BlazePose's standing FPPA is +10..+12 deg (the hip
 * landmark sits lateral of the joint centre) while the knees go OUT (-25..-50) in the squat.
 * Source: Willson & Davis 2008; norms 7-13 deg women, 3-8 deg men in landing
 * (Herrington & Munro 2010). 2D vs 3D r = 0.64-0.78 with 2-4 deg error, but FPPA explains
 * only 0-64 % of true 3D valgus (Straub & Powers 2022).
 *
 * Limits: FPPA degenerates as the thigh turns toward the camera (near and below parallel its
 * projection shrinks and the angle swings toward 180 deg), so the value is null when the
 * projected thigh is shorter than 30 % of the standing thigh, and confidence ramps up to
 * 1 from 30 % to 60 %. Needs a front view (full confidence) or a 45-degree view, where the
 * forward travel of the knee leaks into the picture's sideways direction (see docs/metrics.md).
 */
import { angleBetweenDeg, clamp01, signedOffsetFromLine } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_FRONT, VIEW_OBLIQUE } from './metric_context';

export const FPPA_MIN_THIGH_FRACTION = 0.3;
/** Raw FPPA from 45 deg is dominated by the knee's forward travel (about 100 deg off at
 *  parallel in the synthetic tests), so it is not read from an oblique view. */
const OBLIQUE_FIT = 0;
/** Knee valgus and knee drift are read only below this hip height (1 = standing). */
export const BENT_HIP_HEIGHT = 0.9;

export function frontalViewFit(view: number, obliqueFit: number): number {
  return view === VIEW_FRONT ? 1 : view === VIEW_OBLIQUE ? obliqueFit : 0;
}

export function kneeValgusDeg(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const [h, k, a, oh] = side === 'left'
    ? [KP.leftHip, KP.leftKnee, KP.leftAnkle, KP.rightHip]
    : [KP.rightHip, KP.rightKnee, KP.rightAnkle, KP.leftHip];
  const thighPx = ctx.base.thighPx;
  for (let i = 0; i < n; i++) {
    const fit = frontalViewFit(ctx.viewKind[i], OBLIQUE_FIT);
    if (!fit || !(ctx.hipHeight[i] < BENT_HIP_HEIGHT)) continue;
    const sh = usable(ctx, h, i), sk = usable(ctx, k, i), sa = usable(ctx, a, i), so = usable(ctx, oh, i);
    if (!sh || !sk || !sa || !so) continue;
    const hx = X[h * n + i], hy = Y[h * n + i], kx = X[k * n + i], ky = Y[k * n + i], ax = X[a * n + i], ay = Y[a * n + i];
    const thighLen = Math.sqrt((kx - hx) * (kx - hx) + (ky - hy) * (ky - hy));
    const shape = clamp01((thighLen / thighPx - FPPA_MIN_THIGH_FRACTION) / 0.3);
    if (!(shape > 0)) continue;
    const medial = X[oh * n + i] >= hx ? 1 : -1;
    const ang = angleBetweenDeg(kx - hx, ky - hy, ax - kx, ay - ky);
    const off = signedOffsetFromLine(kx, ky, hx, hy, ax, ay, medial);
    if (!(ang === ang) || !(off === off)) continue;
    out.value[i] = off >= 0 ? ang : -ang;
    out.confidence[i] = Math.min(sh, sk, sa) * fit * shape;
  }
  return out;
}
