/**
 * Test adapter: turns the synthetic generator's exact per-frame truth into the
 * per-frame stage's output shape (FrameMetricsInput), so the rep / flag / asymmetry /
 * findings stages can be tested on exact metrics, independently of the per-frame geometry.
 * View rules follow the issue: valgus, knee offset, separation and hip shift need a front or
 * oblique view; torso, trunk-tibia, shin, depth, thigh, hip/knee flexion and butt wink need
 * a side or oblique view; heel lift and foot angle either.
 * FPPA is nulled once the thigh is within 25 deg of horizontal, where its frontal projection
 * degenerates (Straub & Powers 2022; the generator's truth jumps toward 180 deg there).
 */
import type { FrameConfidence, FrameMetrics, Measurability, MetricKey, PoseTrack, ViewKind } from '../../../src/core/types';
import { seriesFromFrames } from '../../support/analysis_frames';
import type { FrameMetricsInput } from '../../../src/core/analyze_metrics';
import { syntheticSquat, type SyntheticSquatSpec, type SyntheticTruth } from '../../support/synthetic_squat';

const FRONT_ONLY: MetricKey[] = ['kneeValgusDeg', 'kneeOffset', 'kneeSeparationRatio', 'hipShift'];
const SIDE_ONLY: MetricKey[] = ['torsoAngleDeg', 'trunkTibiaDeg', 'shinAngleDeg', 'depth', 'thighAngleDeg', 'hipFlexionDeg', 'kneeFlexionDeg', 'buttWink'];

export function measurabilityFor(view: ViewKind): Record<MetricKey, Measurability> {
  const keys: MetricKey[] = ['kneeValgusDeg', 'kneeOffset', 'kneeSeparationRatio', 'heelLift', 'footAngleDeg', 'torsoAngleDeg', 'trunkTibiaDeg', 'buttWink', 'kneeFlexionDeg', 'hipFlexionDeg', 'shinAngleDeg', 'depth', 'thighAngleDeg', 'hipShift'];
  const out = {} as Record<MetricKey, Measurability>;
  for (const k of keys) {
    const no = (view === 'side' && FRONT_ONLY.includes(k)) || (view === 'front' && SIDE_ONLY.includes(k));
    out[k] = no
      ? { measurable: false, reason: FRONT_ONLY.includes(k) ? 'needs a front or 45-degree view' : 'needs a side or 45-degree view', confidence: 0, view: null }
      : { measurable: true, reason: null, confidence: 0.9, view };
  }
  return out;
}

export function truthToFrameMetrics(truth: SyntheticTruth, view: ViewKind = truth.view, conf = 0.9): FrameMetricsInput {
  const m = measurabilityFor(view);
  const ok = (k: MetricKey) => m[k].measurable;
  const frames = truth.frames.map((f) => {
    const fppaOk = ok('kneeValgusDeg') && f.thighAngleDeg < -25;
    const metrics: FrameMetrics = {
      kneeValgusDeg: fppaOk ? { ...f.kneeValgusDeg } : { left: null, right: null },
      kneeOffset: ok('kneeOffset') ? { ...f.kneeOffset } : { left: null, right: null },
      kneeSeparationRatio: ok('kneeSeparationRatio') ? f.kneeSeparationRatio : null,
      heelLift: { ...f.heelLift },
      footAngleDeg: { ...f.footAngleDeg },
      torsoAngleDeg: ok('torsoAngleDeg') ? f.torsoAngleDeg : null,
      trunkTibiaDeg: ok('trunkTibiaDeg') ? f.trunkTibiaDeg : null,
      buttWink: null,
      kneeFlexionDeg: ok('kneeFlexionDeg') ? { ...f.kneeFlexionDeg } : { left: null, right: null },
      hipFlexionDeg: ok('hipFlexionDeg') ? f.hipFlexionDeg : null,
      shinAngleDeg: ok('shinAngleDeg') ? { ...f.shinAngleDeg } : { left: null, right: null },
      depth: ok('depth') ? f.depth : null,
      thighAngleDeg: ok('thighAngleDeg') ? f.thighAngleDeg : null,
      hipShift: ok('hipShift') ? f.hipShift : null,
    };
    const c = (k: MetricKey) => (ok(k) ? conf : 0);
    const confidence: FrameConfidence = {
      kneeValgusDeg: { left: fppaOk ? conf : 0, right: fppaOk ? conf : 0 },
      kneeOffset: { left: c('kneeOffset'), right: c('kneeOffset') },
      kneeSeparationRatio: c('kneeSeparationRatio'),
      heelLift: { left: conf, right: conf },
      footAngleDeg: { left: conf, right: conf },
      torsoAngleDeg: c('torsoAngleDeg'),
      trunkTibiaDeg: c('trunkTibiaDeg'),
      buttWink: 0,
      kneeFlexionDeg: { left: c('kneeFlexionDeg'), right: c('kneeFlexionDeg') },
      hipFlexionDeg: c('hipFlexionDeg'),
      shinAngleDeg: { left: c('shinAngleDeg'), right: c('shinAngleDeg') },
      depth: c('depth'),
      thighAngleDeg: c('thighAngleDeg'),
      hipShift: c('hipShift'),
    };
    return { t: f.t, metrics, confidence };
  });
  const duration = truth.frames.length ? truth.frames[truth.frames.length - 1].t : 0;
  return {
    series: seriesFromFrames(frames),
    view: { kind: view, confidence: 0.9, segments: [{ from: 0, to: duration, kind: view, confidence: 0.9 }] },
    cameraRollDeg: truth.rollDeg,
    measurability: m,
    warnings: [],
    poseCoverage: 1,
    hipHeight: truth.frames.map((f) => f.hipHeight),
  };
}

/** Generator + adapter in one call. */
export function truthAnalysisInput(spec: SyntheticSquatSpec): { track: PoseTrack; truth: SyntheticTruth; fm: FrameMetricsInput } {
  const { track, truth } = syntheticSquat(spec);
  return { track, truth, fm: truthToFrameMetrics(truth) };
}
