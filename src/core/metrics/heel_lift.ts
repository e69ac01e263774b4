/**
 * Heel lift: how far the heel has risen above that SAME foot's standing position, divided by
 * foot length (0.31 x standing leg length, Winter 2009; see standing_baseline.ts).
 * 0.1 = the heel is up by a tenth of the foot. Per foot against its own baseline, not against
 * the other foot, which would miss both heels lifting (REFERENCE.md §3; the flaw of comparing
 * feet in warren-xu's analyzer). Roll is removed first.
 *
 * A real heel lift pivots the foot about the toes: the heel rises, the toe stays on the floor.
 * So the heel's rise above its standing height is reduced by however far the toe keypoint
 * moved from its own standing height, up or down:
 *   heelLift = (heel height - standing heel height - |toe height - standing toe height|) / foot.
 * On the shared fixture clips the pose model moves whole feet up by up to half a foot length in
 * good squats (camera or model sliding the foot: the toe rises too), and in
 * side-forward-lean it tilts the foot estimate (heel 10 px up, toe 8 px DOWN into the floor,
 * while the video shows the foot flat); both cancel here, while the heel-lift clip keeps its
 * 0.3 (docs/metrics.md).
 * Without a toe keypoint the floor reading is used alone, at 0.7 x confidence.
 *
 * Visible from every view as vertical movement: side view full confidence (half for the far
 * foot, hidden behind the near one), 45 deg 0.9, front 0.7 (the heel hides behind the foot). The heel of an occluded foot is often misplaced: its
 * score gates it and scales confidence. Small feet in the picture (under 60 px) lower the
 * confidence in proportion: the measurement is only a few pixels.
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
  const toe = side === 'left' ? KP.leftToe : KP.rightToe;
  const base = ctx.heelBaseY[side];
  const footBase = ctx.heelToeBase[side];
  const foot = ctx.base.footPx;
  const farCode = side === 'left' ? 1 : 2;
  // Heel lift is a few pixels: the 0.05 "mild" tier is 3 px on a 60 px foot. Pose keypoints
  // wander by a few pixels, so below a 60 px foot confidence falls in proportion (the
  // 240 px wide fixture clips have a 35 px foot: their 0.1-0.13 "lifts" are 4 px of noise).
  const resolution = Math.min(1, foot / 60);
  if (!(foot > 0)) return out;
  for (let i = 0; i < n; i++) {
    const fit = heelLiftViewFit(ctx.viewKind[i]);
    const s = usable(ctx, heel, i);
    if (!fit || !s || !(base[i] === base[i])) continue;
    const hy = Y[heel * n + i];
    const floor = (hy - base[i]) / foot;
    const st = usable(ctx, toe, i);
    let value = floor, conf = s;
    if (st && footBase[i] === footBase[i]) {
      // The toe's own movement from its standing height (heel baseline - heel-over-toe baseline).
      const toeMoved = Math.abs(Y[toe * n + i] - (base[i] - footBase[i])) / foot;
      value = floor - toeMoved;
      conf = s < st ? s : st;
    } else {
      conf *= 0.7;
    }
    // The far foot in a side view is hidden behind the near one and its heel mostly guessed:
    // on the fixture clips its heel "lifts" 0.1-0.26 in good squats (near foot: below 0.1).
    const hidden = ctx.viewKind[i] === VIEW_SIDE && ctx.farFootInSideView === farCode ? 0.5 : 1;
    out.value[i] = value;
    out.confidence[i] = conf * fit * hidden * resolution * (ctx.base.fallback ? 0.5 : 1);
  }
  return out;
}
