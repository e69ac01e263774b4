/**
 * Squat depth: (knee-mid height - hip-mid height) / standing thigh length; > 0 = hip below
 * knee (below parallel), 0 = parallel, -1 = standing. Also the thigh angle from horizontal
 * (+ = hip below knee). The hip landmark sits above the hip crease the powerlifting rule uses
 * (crease below the top of the knee), so this reading of depth is conservative
 * (REFERENCE.md §3). Depth is read from a side or 45-degree view; a front view also shows hip
 * and knee heights, so it is given there at lower confidence (0.6: camera height tilts it).
 * The thigh angle needs the thigh's forward run, so not from the front.
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, pairMid, VIEW_FRONT } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function depthAndThighAngle(ctx: MetricContext): { depth: MetricSeries; thighAngleDeg: MetricSeries } {
  const depth = newSeries(ctx.n);
  const thigh = newSeries(ctx.n);
  const hip = new Float64Array(2), kn = new Float64Array(2);
  const thighPx = ctx.base.thighPx;
  if (!(thighPx > 0)) return { depth, thighAngleDeg: thigh };
  for (let i = 0; i < ctx.n; i++) {
    const v = ctx.viewKind[i];
    const fit = v === VIEW_FRONT ? 0.6 : sagittalViewFit(v);
    if (!fit) continue;
    const s1 = pairMid(ctx, KP.leftHip, KP.rightHip, i, hip, v === VIEW_FRONT);
    const s2 = pairMid(ctx, KP.leftKnee, KP.rightKnee, i, kn, v === VIEW_FRONT);
    if (!s1 || !s2) continue;
    const below = kn[1] - hip[1];
    depth.value[i] = below / thighPx;
    depth.confidence[i] = Math.min(s1, s2) * fit;
    if (v === VIEW_FRONT || !ctx.facing[i]) continue;
    thigh.value[i] = Math.atan2(below, forwardPx(ctx, i, kn[0] - hip[0])) * RAD_TO_DEG;
    thigh.confidence[i] = Math.min(s1, s2) * fit;
  }
  return { depth, thighAngleDeg: thigh };
}
