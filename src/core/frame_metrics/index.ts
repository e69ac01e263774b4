/**
 * The frame stage: PoseTrack -> per-frame metrics of every registry metric, the clip context
 * (times, frame rate, view per frame, standing baseline, hip height) the rep stage reads,
 * camera roll, measurability, warnings, and the filtered keypoints.
 *
 *   readKeypoints -> plausibility -> warnings (on the keypoints as given) -> filterKeypoints
 *   (swap guard, spikes, gaps, low-pass | One Euro: filters/) -> standing baseline (legs
 *   straight) -> camera roll (posture + feet line) -> view per 0.5 s block -> roll removed, Y up
 *   -> facing, standing references -> every metric in metrics/registry.ts -> output columns.
 *
 * Everything is in pixels (portrait video keeps its proportions; REFERENCE.md §3) and works
 * on typed arrays: no object per frame. Never throws on malformed input; a value that is not
 * measurable is NaN with confidence 0 (null in the JSON).
 */
import { estimateCameraRoll, removeRoll } from '../camera_roll';
import type { ClipContext } from '../clip_context';
import { DEFAULT_FILTER, filterKeypoints } from '../filters/keypoint_filtering';
import { estimateFps, MEASURED_KEYPOINTS, readKeypoints, type KeypointSeries } from '../keypoint_access';
import { measurability } from '../measurability';
import { footVisibility, hiddenFootNote, type FootVisibility } from '../metrics/foot_visibility';
import { lifterOrientation } from '../metrics/knee_drift';
import type { LifterOrientation, MetricContext } from '../metrics/metric_context';
import { rejectImplausiblePoses } from '../pose_plausibility';
import { percentile, standingBaseline } from '../standing_baseline';
import type { AnalysisWarning, AnalyzeOptions, FrameSeries, Measurability, MetricKey, PoseTrack, ViewEstimate } from '../types';
import { detectView } from '../view_detection';
import { hipAnkleDistance, segmentLengths } from './body_scale';
import { facingPerFrame } from './facing';
import { MIN_SCORE } from './keypoint_gate';
import { computeMetricSeries, outputColumns } from './output_columns';
import { smoothedTrack } from './smoothed_track';
import { heelReferences, relativeHipHeight } from './standing_references';
import { frameCosYaw, frameFacingAway, sagittalScale, scoreGap } from './view_input';
import { stanceSamples } from './stance';
import { baselineWarnings, frameWarnings, implausiblePoseWarning } from './warnings';

export { plainTrack } from './smoothed_track';

export interface FrameMetricsResult {
  /** Every registry metric's column(s); buttWink's stays empty here: the rep analysis fills it. */
  series: FrameSeries;
  /** Times, frame rate, view per frame, standing baseline and hip height: what the rep stage reads. */
  clip: ClipContext;
  view: ViewEstimate;
  cameraRollDeg: number;
  measurability: Record<MetricKey, Measurability>;
  warnings: AnalysisWarning[];
  /** Share of frames with a person, 0..1. */
  poseCoverage: number;
  /**
   * Filtered keypoints in SOURCE pixels (camera roll not removed): for drawing, and butt-wink
   * ingredients. Its frames build their keypoints on first access (a getter), which JSON
   * handles (toJSON) but structuredClone / postMessage does not: pass it through
   * plainTrack() before sending it to or from a worker.
   */
  smoothed: PoseTrack;
  /** Extra detail for tests and the UI. */
  details: FrameMetricsDetails;
}

export interface FrameMetricsDetails {
  rollConfidence: number;
  rollSource: string;
  /** Frames dropped as no plausible person (e.g. a hand over the lens). */
  implausibleFrames: number;
  swapsFixed: number;
  spikesRejected: number;
  cutoffHz: number | null;
  /** Per frame |cos yaw| estimate of its 0.5 s block (NaN unknown). */
  cosYaw: Float32Array;
  /** The lifter's orientation to the camera from the 3D hips (metrics/knee_drift.ts), null if unknown. */
  lifter: LifterOrientation | null;
}

function finiteOr(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

/** Per-frame metrics of a PoseTrack. See FrameMetricsResult. */
export function computeFrameMetrics(track: PoseTrack, options: AnalyzeOptions = {}): FrameMetricsResult {
  const raw = readKeypoints(track);
  const n = raw.n;
  const fps = estimateFps(raw.t);
  const W = finiteOr(track?.source?.width, 0), H = finiteOr(track?.source?.height, 0);
  const plausibility = rejectImplausiblePoses(raw, W, H, MIN_SCORE);
  let present = 0;
  for (let i = 0; i < n; i++) present += raw.present[i];
  const poseCoverage = n ? present / n : 0;

  // Body scale before filtering (thresholds): median hip-to-ankle length.
  const scalePx = percentile(hipAnkleDistance(raw), 0.5);

  // Warnings read the keypoints as the model gave them, before any filling.
  const warnings = frameWarnings(raw, poseCoverage, W, H);
  const implausible = implausiblePoseWarning(plausibility.rejectedFrames);
  if (implausible) warnings.push(implausible);
  // From here on the series is filtered in place (memory: an hour of video is 3 x 28 MB).
  const s: KeypointSeries = raw;
  const filterReport = filterKeypoints(s, fps, scalePx, { ...DEFAULT_FILTER, mode: options.mode ?? 'recorded', minScore: MIN_SCORE });

  // Standing frames and segment lengths (rotation-invariant, so before roll removal).
  const thigh = new Float32Array(n).fill(NaN), shank = new Float32Array(n).fill(NaN);
  segmentLengths(s, thigh, shank);
  const base = standingBaseline(hipAnkleDistance(s), thigh, shank);

  const roll = estimateCameraRoll(s, base.standing, base.legPx, MIN_SCORE);
  warnings.push(...baselineWarnings(base.fallback && n > 0 && poseCoverage > 0, roll.rollDeg));

  // View per block from shoulder and hip widths against the lifter's own leg length.
  const view = detectView(frameCosYaw(s, base.legPx), s.t, fps, options.view, scoreGap(s), frameFacingAway(track, s, base.legPx));

  // Measured keypoints become roll-free and Y-up, in place (the smoothed track rotates back).
  removeRoll(s, MEASURED_KEYPOINTS, roll.rollDeg, W / 2, H / 2, s.x, s.y);
  const X = s.x, Y = s.y;

  const clip: ClipContext = {
    source: track?.source ?? { name: '', width: 0, height: 0, fps: 0, durationS: 0, frameCount: n },
    model: track?.model ?? '',
    n,
    t: s.t,
    fps,
    view: view.estimate,
    viewCode: view.kind,
    standing: base,
    hipHeight: relativeHipHeight(s, Y, base.standing),
  };
  const ctx: MetricContext = {
    n, X, Y, score: s.score, minScore: MIN_SCORE,
    viewKind: clip.viewCode,
    sagittalScale: sagittalScale(view.kind, view.cosYaw),
    facing: facingPerFrame(s, X, base.footPx, fps),
    base,
    ...heelReferences(s, Y, base.standing),
    feet: footVisibility(stanceSamples(track, s, X, base.standing), base.legPx),
    hipHeight: clip.hipHeight,
    // From the standing frames (knee drift reads it; metrics/knee_drift.ts).
    lifter: lifterOrientation(track?.frames ?? [], (i) => base.standing[i] === 1, MIN_SCORE),
  };

  const { columns, measured } = outputColumns(computeMetricSeries(ctx));
  const result: FrameMetricsResult = {
    series: { t: s.t, columns },
    clip,
    view: view.estimate,
    cameraRollDeg: Number.isFinite(roll.rollDeg) ? roll.rollDeg : 0,
    measurability: withFootNotes(measurability(view.estimate, measured), ctx.feet),
    warnings,
    poseCoverage,
    smoothed: null as unknown as PoseTrack, // replaced by the lazy property below
    details: {
      rollConfidence: roll.confidence, rollSource: roll.source,
      implausibleFrames: plausibility.rejectedFrames,
      swapsFixed: filterReport.swapsFixed, spikesRejected: filterReport.spikesRejected, cutoffHz: filterReport.cutoffHz,
      cosYaw: view.cosYaw,
      lifter: ctx.lifter,
    },
  };
  // Built on first read: analyze() never reads it, and an hour of video would otherwise
  // allocate 216,000 frame objects for nothing. Enumerable, so spreads and JSON still see it.
  let smoothed: PoseTrack | undefined;
  const rollDeg = roll.rollDeg;
  Object.defineProperty(result, 'smoothed', {
    enumerable: true,
    configurable: true,
    get: () => (smoothed ??= smoothedTrack(track, s, rollDeg, W / 2, H / 2)),
    set: (v: PoseTrack) => { smoothed = v; },
  });
  return result;
}

/** The foot metrics' measurability says when one foot is hidden or partly hidden. */
function withFootNotes(m: Record<MetricKey, Measurability>, feet: FootVisibility): Record<MetricKey, Measurability> {
  const note = hiddenFootNote(feet);
  if (!note) return m;
  for (const key of ['heelLift', 'footAngleDeg'] as const) {
    const e = m[key];
    if (e?.measurable) m[key] = { ...e, reason: e.reason ? `${e.reason}; ${note}` : note };
  }
  return m;
}
