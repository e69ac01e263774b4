/**
 * Thigh angle: hip-mid -> knee-mid from horizontal, degrees; 0 = parallel, + = hip below knee.
 * The forward run of the thigh is needed (which way the lifter faces), so side and 45-degree
 * views only. Read against the powerlifting depth rule in docs/metrics.md (joint centres, not
 * the hip crease and the top of the knee).
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, pairMid, VIEW_FRONT } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function thighAngleDeg(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const hip = new Float64Array(2), kn = new Float64Array(2);
  if (!(ctx.base.thighPx > 0)) return out;
  for (let i = 0; i < ctx.n; i++) {
    const v = ctx.viewKind[i];
    if (v === VIEW_FRONT || !ctx.facing[i]) continue;
    const fit = sagittalViewFit(v);
    if (!fit) continue;
    const s1 = pairMid(ctx, KP.leftHip, KP.rightHip, i, hip);
    const s2 = pairMid(ctx, KP.leftKnee, KP.rightKnee, i, kn);
    if (!s1 || !s2) continue;
    out.value[i] = Math.atan2(kn[1] - hip[1], forwardPx(ctx, i, kn[0] - hip[0])) * RAD_TO_DEG;
    out.confidence[i] = Math.min(s1, s2) * fit;
  }
  return out;
}
