/**
 * Torso angle: hip-mid -> shoulder-mid line from vertical, degrees; + = leaning forward.
 * How much lean is right depends on limb proportions and ankle mobility, so the flag rules
 * prefer the trunk-to-shin difference (trunk_tibia.ts); this is the raw angle.
 * Side or 45-degree view (REFERENCE.md §3; Uplift, Kinovea measure it the same way).
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, pairMid } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function torsoAngleDeg(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const hip = new Float64Array(2), sh = new Float64Array(2);
  for (let i = 0; i < ctx.n; i++) {
    const fit = sagittalViewFit(ctx.viewKind[i]);
    if (!fit || !ctx.facing[i]) continue;
    const s1 = pairMid(ctx, KP.leftHip, KP.rightHip, i, hip);
    const s2 = pairMid(ctx, KP.leftShoulder, KP.rightShoulder, i, sh);
    if (!s1 || !s2) continue;
    out.value[i] = Math.atan2(forwardPx(ctx, i, sh[0] - hip[0]), sh[1] - hip[1]) * RAD_TO_DEG;
    out.confidence[i] = Math.min(s1, s2) * fit;
  }
  return out;
}
