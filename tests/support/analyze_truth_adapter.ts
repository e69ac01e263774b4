/**
 * Test adapter: turns the synthetic generator's exact per-frame truth into the
 * per-frame stage's output shape (FrameMetricsInput), so the rep / flag / asymmetry /
 * findings stages can be tested on exact metrics, independently of the per-frame geometry.
 * View rules follow the issue: valgus, knee offset, separation and hip shift need a front or
 * oblique view (knee drift too, not a side view); torso, trunk-tibia, shin, depth, thigh, hip/knee flexion and butt wink need
 * a side or oblique view; heel lift and foot angle either.
 * FPPA is nulled once the thigh is within 25 deg of horizontal, where its frontal projection
 * degenerates (Straub & Powers 2022; the generator's truth jumps toward 180 deg there).
 */
import { METRICS } from '../../src/core/metrics/registry';
import type { FrameConfidence, FrameMetrics, Measurability, MetricKey, PoseTrack, Sided, ViewKind } from '../../src/core/types';
import { clipContextFrom } from '../../src/core/clip_context';
import { seriesFromFrames } from './analysis_frames';
import type { FrameMetricsInput } from '../../src/core/analyze_metrics';
import { syntheticSquat, type SyntheticSquatSpec, type SyntheticTruth } from './synthetic_squat';

const FRONT_ONLY: MetricKey[] = ['kneeDrift', 'kneeValgusDeg', 'kneeOffset', 'kneeSeparationRatio', 'hipShift', 'footTurnOutDeg'];
const SIDE_ONLY: MetricKey[] = ['torsoAngleDeg', 'trunkTibiaDeg', 'shinAngleDeg', 'depth', 'thighAngleDeg', 'hipFlexionDeg', 'kneeFlexionDeg', 'buttWink'];

export function measurabilityFor(view: ViewKind): Record<MetricKey, Measurability> {
  const out = {} as Record<MetricKey, Measurability>;
  for (const { key: k } of METRICS) {
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
    const row = f as unknown as Record<string, number | Sided<number> | undefined>;
    const metrics: Partial<Record<MetricKey, unknown>> = {};
    const confidence: Partial<Record<MetricKey, unknown>> = {};
    for (const def of METRICS) {
      // FPPA degenerates once the thigh is within 25 deg of horizontal (see above); buttWink is the rep stage's.
      const usable = def.key === 'kneeValgusDeg' ? ok(def.key) && f.thighAngleDeg < -25 : def.compute !== 'rep-stage' && ok(def.key);
      const v = usable ? row[def.key] : undefined;
      if (def.sided) {
        const sv = v as Sided<number> | undefined;
        metrics[def.key] = sv ? { left: sv.left, right: sv.right } : { left: null, right: null };
        confidence[def.key] = sv ? { left: conf, right: conf } : { left: 0, right: 0 };
      } else {
        metrics[def.key] = typeof v === 'number' ? v : null;
        confidence[def.key] = typeof v === 'number' ? conf : 0;
      }
    }
    return { t: f.t, metrics: metrics as FrameMetrics, confidence: confidence as FrameConfidence };
  });
  const duration = truth.frames.length ? truth.frames[truth.frames.length - 1].t : 0;
  const series = seriesFromFrames(frames);
  const viewEstimate = { kind: view, confidence: 0.9, segments: [{ from: 0, to: duration, kind: view, confidence: 0.9 }] };
  const fps = truth.frames.length > 1 ? 1 / (truth.frames[1].t - truth.frames[0].t) : 30;
  return {
    series,
    clip: clipContextFrom({
      source: { name: 'synthetic', width: 0, height: 0, fps, durationS: duration, frameCount: truth.frames.length },
      model: 'synthetic',
      t: series.t,
      fps,
      view: viewEstimate,
      hipHeight: truth.frames.map((f) => f.hipHeight),
    }),
    view: viewEstimate,
    cameraRollDeg: truth.rollDeg,
    measurability: m,
    warnings: [],
    poseCoverage: 1,
  };
}

/** Generator + adapter in one call. */
export function truthAnalysisInput(spec: SyntheticSquatSpec): { track: PoseTrack; truth: SyntheticTruth; fm: FrameMetricsInput } {
  const { track, truth } = syntheticSquat(spec);
  return { track, truth, fm: truthToFrameMetrics(truth) };
}
