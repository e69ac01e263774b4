/**
 * Squat depth: (knee-mid height - hip-mid height) / standing thigh length; > 0 = hip below
 * knee (below parallel), 0 = parallel, -1 = standing. The hip landmark sits above the hip
 * crease the powerlifting rule uses (crease below the top of the knee), so this reading of
 * depth is conservative (REFERENCE.md §3). Depth is read from a side or 45-degree view; a front view also shows hip
 * and knee heights, so it is given there at lower confidence (0.6: camera height tilts it).
 * The thigh angle (thigh_angle.ts) needs the thigh's forward run, so not from the front.
 */
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, pairMid, VIEW_FRONT } from './metric_context';
import { sagittalViewFit } from './sagittal';

/** Depth per frame: side, 45-degree and (at 0.6 confidence) front views. */
export function depth(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const hip = new Float64Array(2), kn = new Float64Array(2);
  const thighPx = ctx.base.thighPx;
  if (!(thighPx > 0)) return out;
  for (let i = 0; i < ctx.n; i++) {
    const v = ctx.viewKind[i];
    const fit = v === VIEW_FRONT ? 0.6 : sagittalViewFit(v);
    if (!fit) continue;
    const s1 = pairMid(ctx, KP.leftHip, KP.rightHip, i, hip, v === VIEW_FRONT);
    const s2 = pairMid(ctx, KP.leftKnee, KP.rightKnee, i, kn, v === VIEW_FRONT);
    if (!s1 || !s2) continue;
    out.value[i] = (kn[1] - hip[1]) / thighPx;
    out.confidence[i] = Math.min(s1, s2) * fit;
  }
  return out;
}
