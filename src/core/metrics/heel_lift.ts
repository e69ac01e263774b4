/**
 * Heel lift: how far the heel has risen above that SAME foot's standing height, divided by
 * foot length (0.31 x standing leg length, Winter 2009; see standing_baseline.ts).
 * 0.1 = the heel is up by a tenth of the foot. Measured per foot against its own baseline,
 * not against the other foot, which would miss both heels lifting (REFERENCE.md §3, the
 * flaw of comparing feet). Roll is removed first.
 * Visible from every view as vertical movement; side view full confidence, 45 deg 0.9,
 * front 0.7 (the heel hides behind the foot and BlazePose places it less surely).
 * The heel keypoint of an occluded foot is often misplaced: its score gates it.
 */
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_FRONT, VIEW_OBLIQUE, VIEW_SIDE } from './metric_context';

export function heelLiftViewFit(view: number): number {
  return view === VIEW_SIDE ? 1 : view === VIEW_OBLIQUE ? 0.9 : view === VIEW_FRONT ? 0.7 : 0;
}

export function heelLift(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, Y } = ctx;
  const heel = side === 'left' ? KP.leftHeel : KP.rightHeel;
  const base = ctx.heelBaseY[side];
  const foot = ctx.base.footPx;
  if (!(foot > 0)) return out;
  for (let i = 0; i < n; i++) {
    const fit = heelLiftViewFit(ctx.viewKind[i]);
    const s = usable(ctx, heel, i);
    if (!fit || !s || !(base[i] === base[i])) continue;
    out.value[i] = (Y[heel * n + i] - base[i]) / foot;
    out.confidence[i] = s * fit * (ctx.base.fallback ? 0.5 : 1);
  }
  return out;
}
