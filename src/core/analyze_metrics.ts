import {
  ANALYSIS_FORMAT_VERSION,
  type Analysis,
  type AnalysisWarning,
  type Asymmetry,
  type DepthTarget,
  type MetricKey,
  type PoseTrack,
  type Rep,
} from './types';
import { segmentReps, type RepEventIndices, type SegmentRepsOptions } from './reps/segment_reps';
import { computeRepPeaks, publicMeasures, type MetricPeaks } from './reps/rep_peaks';
import { fillButtWink } from './butt_wink';
import { framesIn, viewAtFrame } from './clip_context';
import { detectRepFlags } from './flags';
import { MIN_FLAG_CONFIDENCE } from './flags/thresholds';
import { computeAsymmetries } from './asymmetry';
import { standingHipShiftBefore, standingMask, standingNoiseFloor, standingNoiseSided } from './flags/standing_noise';
import { buildFindings, buildVerdict } from './findings';
import { DEFAULT_DEPTH_TARGET } from './depth_judgement';
import type { FrameMetricsResult } from './frame_metrics';
import { peopleWarnings } from './people_warning';

/**
 * What the rep/flag/finding stages need from the per-frame stage: the fields of
 * computeFrameMetrics' FrameMetricsResult that this file reads (a type-only dependency, so
 * tests can hand-make one without running the per-frame code).
 */
export type FrameMetricsInput = Pick<
  FrameMetricsResult,
  'series' | 'clip' | 'view' | 'cameraRollDeg' | 'measurability' | 'warnings' | 'poseCoverage'
>;

export interface AnalyzeStageOptions {
  segment?: SegmentRepsOptions;
  /** Minimum metric confidence for a flag (default thresholds.ts MIN_FLAG_CONFIDENCE). */
  minFlagConfidence?: number;
  /** The depth the reps are judged against (default 'parallel'); recorded in Analysis.settings. */
  depthTarget?: DepthTarget;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const finiteOr = (v: number, d: number) => (Number.isFinite(v) ? v : d);

/**
 * The loaded part of a rep: frames whose hip is in the lower half of the rep's hip travel.
 * Faults are judged there. Standing posture is not a fault: a wide stance puts the knees
 * inside the hip-ankle line (FPPA ~10 deg) and the knees narrower than the ankles while
 * standing, which flips as soon as the lifter squats; FPPA norms are taken at peak knee
 * flexion (Herrington & Munro 2010). Falls back to the whole rep if no frame qualifies.
 */
function deepWindow(hipHeight: Float32Array, r: RepEventIndices): [number, number] {
  const mid = r.topHipHeight - 0.5 * (r.topHipHeight - r.bottomHipHeight);
  let a = -1;
  let b = -1;
  for (let i = r.start; i <= r.end; i++) {
    const h = hipHeight[i];
    if (h <= mid) {
      if (a < 0) a = i;
      b = i;
    }
  }
  return a < 0 ? [r.start, r.end] : [a, b];
}

function publicAsymmetry(a: Asymmetry): Asymmetry {
  return {
    metric: a.metric,
    worseSide: a.worseSide,
    left: a.left,
    right: a.right,
    symmetryIndex: a.symmetryIndex,
    beyondVariation: a.beyondVariation,
  };
}

/**
 * From per-frame metrics to the Analysis: reps, butt-wink proxy, per-rep measures and flags,
 * asymmetries and findings. Reads the clip context (times, frame rate, view per frame, hip
 * height), not the track: `track` gives the Analysis its source and model only. Fills the
 * series' buttWink column in place; the Analysis shares the series' arrays.
 */
export function analyzeFrameMetrics(track: PoseTrack, fm: FrameMetricsInput, options: AnalyzeStageOptions = {}): Analysis {
  const { series, clip } = fm;
  const { t, n, fps, hipHeight } = clip;
  const viewAt = (i: number) => viewAtFrame(clip, i);

  const seg = segmentReps(t, hipHeight, options.segment);
  fillButtWink(series, seg.reps, viewAt);

  const mask = standingMask(n, seg.reps, hipHeight);
  const noiseFloor = standingNoiseFloor(series, mask);
  const unmeasurable = new Set(
    (Object.keys(fm.measurability ?? {}) as MetricKey[]).filter((k) => fm.measurability[k]?.measurable === false),
  );

  const repPeaks: MetricPeaks[] = [];
  const reps: Rep[] = seg.reps.map((r, index) => {
    const [from, to] = deepWindow(hipHeight, r);
    const peaks = computeRepPeaks(series, from, to, fps, {
      offsets: { hipShift: standingHipShiftBefore(series, mask, r) },
    });
    // Depth is judged at the bottom itself (the hold, +-0.1 s): if the bottom frames are not
    // seen well enough, shallower frames around them must not pass for the deepest point.
    const bottomPeaks = computeRepPeaks(series, Math.max(r.start, r.bottom - framesIn(0.1, fps)), Math.min(r.end, r.ascentStart + framesIn(0.1, fps)), fps, {}, ['thighAngleDeg', 'depth']);
    peaks.thighAngleDeg = bottomPeaks.thighAngleDeg;
    peaks.depth = bottomPeaks.depth;
    repPeaks.push(peaks);
    // Depth can only be judged when the bottom was seen: the ascent began inside the clip,
    // and, if the clip started inside the rep, it started in the bottom hold (not mid-ascent).
    const bottomSeen = r.ascentStart < r.end && (!r.partialStart || r.ascentStart > r.start);
    const flags = detectRepFlags({
      rep: index,
      peaks,
      bottomSeen,
      minConfidence: options.minFlagConfidence ?? MIN_FLAG_CONFIDENCE,
      noiseFloor,
      series,
      view: viewAt(r.bottom),
      viewAt,
      repRange: [from, to],
      unmeasurable,
      depthTarget: options.depthTarget ?? DEFAULT_DEPTH_TARGET,
    });
    const rep: Rep = {
      index,
      start: t[r.start],
      bottom: t[r.bottom],
      ascentStart: t[r.ascentStart],
      end: t[r.end],
      tempo: {
        descentS: r3(t[r.bottom] - t[r.start]),
        bottomS: r3(t[r.ascentStart] - t[r.bottom]),
        ascentS: r3(t[r.end] - t[r.ascentStart]),
      },
      view: viewAt(r.bottom),
      measures: publicMeasures(peaks, viewAt),
      flags,
    };
    if (r.partial) rep.partial = true;
    if (bottomSeen && Number.isFinite(r.bottomHipHeight)) rep.bottomHipHeight = Math.round(r.bottomHipHeight * 1000) / 1000;
    return rep;
  });

  const asymDetail = computeAsymmetries(repPeaks, seg.reps.map((r) => viewAt(r.bottom)), (metric) => standingNoiseSided(series, mask, metric));
  const findings = buildFindings({
    reps,
    repPeaks,
    asymmetries: asymDetail,
    measurability: fm.measurability,
    view: fm.view,
    minConfidence: options.minFlagConfidence ?? MIN_FLAG_CONFIDENCE,
    depthTarget: options.depthTarget ?? DEFAULT_DEPTH_TARGET,
  });

  const warnings: AnalysisWarning[] = [...peopleWarnings(track), ...(fm.warnings ?? [])];
  if (n > 0 && reps.length === 0) {
    warnings.push({
      code: 'no_reps',
      message:
        'No squat reps found: the hips never dropped by at least 10 % of standing hip height (or the hips and ankles were not seen).',
    });
  }
  if (reps.some((r) => r.partial)) {
    warnings.push({
      code: 'partial_rep',
      message: 'The clip starts or ends inside a rep: that rep\'s timing is estimated and its depth may not be judged.',
    });
  }

  const analysis: Analysis = {
    formatVersion: ANALYSIS_FORMAT_VERSION,
    source: track.source,
    model: track.model,
    view: fm.view,
    cameraRollDeg: finiteOr(fm.cameraRollDeg, 0),
    measurability: fm.measurability,
    series,
    reps,
    asymmetries: asymDetail.map(publicAsymmetry),
    findings,
    warnings,
    poseCoverage: finiteOr(fm.poseCoverage, 0),
    settings: { depthTarget: options.depthTarget ?? DEFAULT_DEPTH_TARGET },
  };
  // The last stage: one sentence and at most three items, read from the parts above.
  analysis.verdict = buildVerdict(analysis);
  return analysis;
}
