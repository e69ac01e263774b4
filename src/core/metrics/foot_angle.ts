/**
 * Foot angle: the heel -> toe (foot_index) line against the floor, degrees; + = heel above
 * toe. A standing foot reads a few degrees (the heel landmark sits higher than the toe tip);
 * a rising heel adds to it. NASM's overhead-squat checklist has "heels rise". Side view (the
 * foot lies across the picture); at 45 deg the foot's length is foreshortened and divided back
 * by sin(yaw), so the angle is approximate (confidence 0.5). Null in a front view, and for the
 * foot the camera cannot see (foot_visibility.ts); a partly hidden foot loses confidence.
 */
import { RAD_TO_DEG } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_OBLIQUE, VIEW_SIDE } from './metric_context';

export function footAngleDeg(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const [heel, toe] = side === 'left' ? [KP.leftHeel, KP.leftToe] : [KP.rightHeel, KP.rightToe];
  const visible = ctx.feet.visibility[side];
  if (!(visible > 0)) return out;
  for (let i = 0; i < n; i++) {
    const v = ctx.viewKind[i];
    const fit = v === VIEW_SIDE ? 1 : v === VIEW_OBLIQUE ? 0.5 : 0;
    if (!fit) continue;
    const s = Math.min(usable(ctx, heel, i), usable(ctx, toe, i));
    if (!s) continue;
    const along = Math.abs(X[toe * n + i] - X[heel * n + i]) / ctx.sagittalScale[i];
    if (!(along >= 0.4 * ctx.base.footPx)) continue;
    out.value[i] = Math.atan2(Y[heel * n + i] - Y[toe * n + i], along) * RAD_TO_DEG;
    out.confidence[i] = s * fit * visible;
  }
  return out;
}
