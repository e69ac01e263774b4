/**
 * Knee offset: signed distance of the knee from the hip-ankle line in the picture, divided by
 * the lifter's standing leg length (thigh + shank); + = toward the midline (valgus side);
 * like FPPA read only while the knees are bent (see knee_valgus.ts).
 * Steadier than FPPA in deep squats because it does not divide by the foreshortened thigh
 * (REFERENCE.md §3; the "medial knee displacement" of e.g. Noyes 2005 / Ortiz 2016 in
 * normalised form). 0.05 = the knee is 5 % of leg length inside the line.
 * Needs a front view; at 45 deg the knees' forward travel leaks in (lower confidence).
 */
import { signedOffsetFromLine } from '../geometry';
import { KP } from '../keypoint_access';
import { BENT_HIP_HEIGHT, frontalViewFit } from './knee_valgus';
import { type MetricContext, type MetricSeries, newSeries, usable } from './metric_context';

export function kneeOffset(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const [h, k, a, oh] = side === 'left'
    ? [KP.leftHip, KP.leftKnee, KP.leftAnkle, KP.rightHip]
    : [KP.rightHip, KP.rightKnee, KP.rightAnkle, KP.leftHip];
  const leg = ctx.base.legPx;
  if (!(leg > 0)) return out;
  for (let i = 0; i < n; i++) {
    const fit = frontalViewFit(ctx.viewKind[i], 0); // see knee_valgus.ts: not from 45 deg
    if (!fit || !(ctx.hipHeight[i] < BENT_HIP_HEIGHT)) continue;
    const sh = usable(ctx, h, i), sk = usable(ctx, k, i), sa = usable(ctx, a, i), so = usable(ctx, oh, i);
    if (!sh || !sk || !sa || !so) continue;
    const hx = X[h * n + i];
    const medial = X[oh * n + i] >= hx ? 1 : -1;
    const off = signedOffsetFromLine(X[k * n + i], Y[k * n + i], hx, Y[h * n + i], X[a * n + i], Y[a * n + i], medial);
    if (!(off === off)) continue;
    out.value[i] = off / leg;
    out.confidence[i] = Math.min(sh, sk, sa) * fit;
  }
  return out;
}
