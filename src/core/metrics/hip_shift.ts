/**
 * Hip shift: sideways offset of the hip-mid from the ankle-mid, along the line from the right
 * hip to the left hip, divided by the current hip width; + = toward the lifter's left.
 * A lateral shift at the bottom is a common compensation for one weaker or stiffer side
 * (REFERENCE.md §1). Using the hips' own line makes it independent of whether the lifter faces
 * the camera or away. Front view only: from 45 deg the hips moving back during the squat look
 * like moving sideways, which would be a guess.
 *
 * The same leak exists in a front view that is not square: the hips travel ~0.2 m backward at
 * depth and a camera turned by yaw shows 0.2 sin(yaw) m of that as sideways shift. The flag tiers
 * (flags/thresholds.ts HIP_SHIFT_HIP_WIDTH) were set so that a camera within 15 deg of square
 * leaks less than the mild tier; beyond that (|sin yaw| > 0.26, the yaw from BlazePose's 3D hips,
 * metrics/knee_drift.ts lifterOrientation) the number is not measurable rather than a guess.
 * Reading the shift from keypoints3D instead was tried and does not hold: on the front clips'
 * ffmpeg-mirrored copies the 3D shift at the bottom does not change sign with the picture
 * (front-deep-good-lowres -0.17 vs +0.06 mirrored), i.e. it is mostly the model's depth guess.
 */
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, SQUARE_MAX_ABS_SIN_YAW, usable, VIEW_FRONT } from './metric_context';

export function hipShift(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  if (ctx.lifter?.source === '3d' && Math.abs(ctx.lifter.sx) > SQUARE_MAX_ABS_SIN_YAW) return out;
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
