/**
 * Shin angle: ankle -> knee line from vertical, degrees; + = knee forward of the ankle.
 * A proxy for ankle dorsiflexion with the heel down: the weight-bearing lunge test calls about
 * 30-38 deg normal (minimal detectable change ~4.6 deg) and a full squat needs roughly
 * 18-25 deg (REFERENCE.md §3; Bennell et al. 1998; Konor et al. 2012). Side or 45-degree view;
 * per side, the far leg gated by its score.
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function shinAngleDeg(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const [k, a] = side === 'left' ? [KP.leftKnee, KP.leftAnkle] : [KP.rightKnee, KP.rightAnkle];
  for (let i = 0; i < n; i++) {
    const fit = sagittalViewFit(ctx.viewKind[i]);
    if (!fit || !ctx.facing[i]) continue;
    const s = Math.min(usable(ctx, k, i), usable(ctx, a, i));
    if (!s) continue;
    out.value[i] = Math.atan2(forwardPx(ctx, i, X[k * n + i] - X[a * n + i]), Y[k * n + i] - Y[a * n + i]) * RAD_TO_DEG;
    out.confidence[i] = s * fit;
  }
  return out;
}
