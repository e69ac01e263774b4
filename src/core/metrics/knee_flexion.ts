/**
 * Knee flexion: 180 deg minus the hip-knee-ankle angle in the sagittal picture; 0 = straight.
 * Expect BlazePose error: MAE about 7 deg from a true side view, and from other angles
 * -13.9 +/- 15.1 deg (REFERENCE.md §3, validation studies of MediaPipe). Side or 45-degree
 * view; per side.
 */
import { bendAngleDeg } from '../geometry';
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable } from './metric_context';
import { forwardPx, sagittalViewFit } from './sagittal';

export function kneeFlexionDeg(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const [h, k, a] = side === 'left' ? [KP.leftHip, KP.leftKnee, KP.leftAnkle] : [KP.rightHip, KP.rightKnee, KP.rightAnkle];
  for (let i = 0; i < n; i++) {
    const fit = sagittalViewFit(ctx.viewKind[i]);
    if (!fit || !ctx.facing[i]) continue;
    const s = Math.min(usable(ctx, h, i), usable(ctx, k, i), usable(ctx, a, i));
    if (!s) continue;
    const kx = X[k * n + i];
    const v = bendAngleDeg(
      forwardPx(ctx, i, X[h * n + i] - kx), Y[h * n + i], 0, Y[k * n + i], forwardPx(ctx, i, X[a * n + i] - kx), Y[a * n + i],
    );
    if (!(v === v)) continue;
    out.value[i] = v;
    out.confidence[i] = s * fit;
  }
  return out;
}
