/**
 * Hip shift: sideways offset of the hip-mid from the ankle-mid, along the line from the right
 * hip to the left hip, divided by the current hip width; + = toward the lifter's left.
 * A lateral shift at the bottom is a common compensation for one weaker or stiffer side
 * (REFERENCE.md §1). Using the hips' own line makes it independent of whether the lifter faces
 * the camera or away. Front view only: from 45 deg the hips moving back during the squat look
 * like moving sideways, which would be a guess.
 */
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_FRONT } from './metric_context';

export function hipShift(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X, Y } = ctx;
  const minWidth = 0.1 * ctx.base.legPx;
  for (let i = 0; i < n; i++) {
    if (ctx.viewKind[i] !== VIEW_FRONT) continue;
    const s = Math.min(usable(ctx, KP.leftHip, i), usable(ctx, KP.rightHip, i), usable(ctx, KP.leftAnkle, i), usable(ctx, KP.rightAnkle, i));
    if (!s) continue;
    const lx = X[KP.leftHip * n + i], ly = Y[KP.leftHip * n + i], rx = X[KP.rightHip * n + i], ry = Y[KP.rightHip * n + i];
    const wx = lx - rx, wy = ly - ry;
    const w = Math.sqrt(wx * wx + wy * wy);
    if (!(w >= minWidth)) continue;
    const dx = (lx + rx) / 2 - (X[KP.leftAnkle * n + i] + X[KP.rightAnkle * n + i]) / 2;
    const dy = (ly + ry) / 2 - (Y[KP.leftAnkle * n + i] + Y[KP.rightAnkle * n + i]) / 2;
    out.value[i] = (dx * wx + dy * wy) / (w * w);
    out.confidence[i] = s;
  }
  return out;
}
