/**
 * Knee separation ratio: horizontal distance between the knees / between the ankles.
 * < 1 = knees closer together than the feet (caving in). A bilateral squat cue steadier than
 * FPPA at depth (Noyes et al. 2005 used knee / hip separation; knee / ankle width is the
 * ratio of NgoQuocBao's Exercise-Correction and of the knee-label baseline in our tests).
 * Works from the front and, because both knees travel forward together, also from 45 deg.
 * Null when the ankles are closer than 15 % of leg length in the picture (feet together or a
 * side view).
 */
import { KP } from '../keypoint_access';
import { frontalViewFit } from './knee_valgus';
import { type MetricContext, type MetricSeries, newSeries, usable } from './metric_context';

export function kneeSeparationRatio(ctx: MetricContext): MetricSeries {
  const out = newSeries(ctx.n);
  const { n, X } = ctx;
  const minAnkle = 0.15 * ctx.base.legPx;
  for (let i = 0; i < n; i++) {
    const fit = frontalViewFit(ctx.viewKind[i], 0.7);
    if (!fit) continue;
    const s = Math.min(usable(ctx, KP.leftKnee, i), usable(ctx, KP.rightKnee, i), usable(ctx, KP.leftAnkle, i), usable(ctx, KP.rightAnkle, i));
    if (!s) continue;
    const ankleW = Math.abs(X[KP.leftAnkle * n + i] - X[KP.rightAnkle * n + i]);
    if (!(ankleW >= minAnkle)) continue;
    out.value[i] = Math.abs(X[KP.leftKnee * n + i] - X[KP.rightKnee * n + i]) / ankleW;
    out.confidence[i] = s * fit;
  }
  return out;
}
