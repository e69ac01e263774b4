/**
 * Hip flexion: 180 deg minus the shoulder-mid / hip-mid / knee-mid angle in the sagittal
 * picture; 0 = standing straight. Its late-descent drop while the knees keep bending is one
 * butt-wink ingredient (REFERENCE.md §3). Side or 45-degree view.
 */
import { bendAngleDeg } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, pairMid } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function hipFlexionDeg(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const hip = new Float64Array(2), sh = new Float64Array(2), kn = new Float64Array(2);
  for (let i = 0; i < ctx.n; i++) {
    const fit = sagittalViewFit(ctx.viewKind[i]);
    if (!fit || !ctx.facing[i]) continue;
    const s1 = pairMid(ctx, KP.leftHip, KP.rightHip, i, hip);
    const s2 = pairMid(ctx, KP.leftShoulder, KP.rightShoulder, i, sh);
    const s3 = pairMid(ctx, KP.leftKnee, KP.rightKnee, i, kn);
    if (!s1 || !s2 || !s3) continue;
    const v = bendAngleDeg(forwardPx(ctx, i, sh[0] - hip[0]), sh[1], 0, hip[1], forwardPx(ctx, i, kn[0] - hip[0]), kn[1]);
    if (!(v === v)) continue;
    out.value[i] = v;
    out.confidence[i] = Math.min(s1, s2, s3) * fit;
  }
  return out;
}
