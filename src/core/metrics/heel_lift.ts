/**
 * Heel lift: how far the rear of a foot has risen about its toes, in foot lengths, against that
 * SAME foot's standing posture (never against the other foot, which misses both heels lifting:
 * REFERENCE.md §3, §4). 0.1 = the heel is up by a tenth of the foot (~2.7 cm on a 1.75 m adult).
 *
 * A real heel lift rotates the foot about the toes: the toe stays down, the heel rises, and the
 * ankle rises with it (0.8 times as much: its lever about the toe is 0.8 of the heel's, median
 * 0.81 over the standing side-view fixtures, range 0.67-0.86). Shoes, a hidden heel, the shin
 * travelling forward, or the whole foot's keypoints sliding move single keypoints without any
 * rotation. So two points of the rear foot are read against the toe, each relative to its own
 * standing height above that toe (camera roll removed):
 *   heel rise  = ((heel - toe) - standing (heel - toe)) / foot
 *   ankle rise = ((ankle - toe) - standing (ankle - toe)) / (0.8 foot)
 *   heelLift   = min(heel rise, ankle rise)
 * Only a rise both points agree on counts; each one moving alone reads as its smaller partner.
 * Measured on the shared clips (docs/metrics.md): on heels-down feet the heel keypoint alone
 * "rises" up to 0.27 foot lengths (hidden heels, trainers), the two-point lift at most 0.09 with
 * the full model (0.16 on a 240 px clip, at a confidence too low to flag); the heel-lift clip
 * reads 0.11-0.34.
 *
 * Foot length = 0.31 x standing leg length (Winter 2009), because a front view foreshortens the
 * foot itself. Vertical rises are seen at full size from any camera direction: front 0.7 (the
 * heel is behind the foot and its keypoint partly guessed), 45 deg 0.9, side 1.
 *
 * Not measurable (null): the foot the camera cannot see (foot_visibility.ts: behind the other
 * foot; a partly hidden foot loses confidence in proportion), and frames where the toe, the heel
 * or the ankle scores below the gate.
 *
 * Small feet: confidence x min(1, foot length in px / FULL_CONFIDENCE_FOOT_PX). At 60 px the
 * mild tier (0.10 foot) spans 6 px, twice the ~3 px keypoint noise where feet are small (90th
 * percentile of the heel's displacement between a 240 px wide clip and its mirrored copy); the
 * 35 px feet of the 240 px clips get 0.58, which with a front view's 0.7 stays below a flag's
 * 0.5.
 */
import { KP } from '../keypoint_access';
import { type MetricContext, type MetricSeries, newSeries, usable, VIEW_FRONT, VIEW_OBLIQUE, VIEW_SIDE } from './metric_context';

/** The ankle's lever about the toe relative to the heel's (standing side-view fixtures: 0.81). */
export const ANKLE_LEVER = 0.8;
/** Foot length in pixels from which heel lift has full confidence (see the file comment). */
export const FULL_CONFIDENCE_FOOT_PX = 60;

export function heelLiftViewFit(view: number): number {
  return view === VIEW_SIDE ? 1 : view === VIEW_OBLIQUE ? 0.9 : view === VIEW_FRONT ? 0.7 : 0;
}

export function heelLift(ctx: MetricContext, side: 'left' | 'right'): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, Y } = ctx;
  const [heel, ankle, toe] = side === 'left' ? [KP.leftHeel, KP.leftAnkle, KP.leftToe] : [KP.rightHeel, KP.rightAnkle, KP.rightToe];
  const heelBase = ctx.heelToeBase[side], ankleBase = ctx.ankleToeBase[side];
  const foot = ctx.base.footPx;
  const visible = ctx.feet.visibility[side];
  if (!(foot > 0) || !(visible > 0)) return out;
  const scale = Math.min(1, foot / FULL_CONFIDENCE_FOOT_PX) * (ctx.base.fallback ? 0.5 : 1);
  for (let i = 0; i < n; i++) {
    const fit = heelLiftViewFit(ctx.viewKind[i]);
    if (!fit) continue;
    const sh = usable(ctx, heel, i), sa = usable(ctx, ankle, i), st = usable(ctx, toe, i);
    if (!sh || !sa || !st || !(heelBase[i] === heelBase[i]) || !(ankleBase[i] === ankleBase[i])) continue;
    const ty = Y[toe * n + i];
    const heelRise = (Y[heel * n + i] - ty - heelBase[i]) / foot;
    const ankleRise = (Y[ankle * n + i] - ty - ankleBase[i]) / (ANKLE_LEVER * foot);
    out.value[i] = heelRise < ankleRise ? heelRise : ankleRise;
    out.confidence[i] = Math.min(sh, sa, st) * fit * visible * scale;
  }
  return out;
}
