/**
 * Front door of the per-frame geometry: PoseTrack -> per-frame metrics, view, camera roll,
 * measurability, warnings, hip height for rep segmentation, and the filtered keypoints.
 *
 *   readKeypoints -> filterKeypoints (swap guard, spikes, gaps, low-pass | One Euro)
 *   -> standing baseline (legs straight) -> camera roll (posture + feet line) -> roll removed,
 *   Y up -> view per 0.5 s block -> every registry metric (metrics/registry.ts, one compute
 *   file each) -> FrameSeries (typed columns).
 *
 * Everything is in pixels (portrait video keeps its proportions; REFERENCE.md §3) and works
 * on typed arrays: no object per frame. Never throws on malformed input; a value that is not
 * measurable is NaN with confidence 0 (null in the JSON).
 */
import { estimateCameraRoll, removeRoll } from './camera_roll';
import { estimateFps, KP, MEASURED_KEYPOINTS, readKeypoints, slotOf, type KeypointSeries } from './keypoint_access';
import { DEFAULT_FILTER, filterKeypoints } from './keypoint_filtering';
import { measurability, type MeasuredCount } from './measurability';
import { type MetricContext, type MetricSeries, newSeries, VIEW_OBLIQUE, VIEW_SIDE } from './metrics/metric_context';
import { METRICS, metricDef, type RegistryMetricKey } from './metrics/registry';
import { rejectImplausiblePoses } from './pose_plausibility';
import { columnKey } from './series';
import { runningStandingReference, standingBaseline, percentile } from './standing_baseline';
import type {
  AnalysisWarning, AnalyzeOptions, FrameSeries, Keypoint, Measurability, MetricColumn, MetricKey, PoseFrame, PoseTrack, Side, ViewEstimate,
} from './types';
import { detectView, HIP_PER_LEG, SHOULDER_PER_LEG } from './view_detection';

export interface FrameMetricsResult {
  /** Every registry metric's column(s); buttWink's stays empty here: the rep analysis fills it. */
  series: FrameSeries;
  view: ViewEstimate;
  cameraRollDeg: number;
  measurability: Record<MetricKey, Measurability>;
  warnings: AnalysisWarning[];
  /** Share of frames with a person, 0..1. */
  poseCoverage: number;
  /**
   * Per frame: filtered hip-mid height above the ankles relative to the lifter's standing hip
   * height (1 = standing, lower = deeper); null where unknown. For rep segmentation.
   */
  hipHeight: (number | null)[];
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
  fps: number;
  rollConfidence: number;
  rollSource: string;
  /** Standing segment lengths in pixels. */
  thighPx: number;
  shankPx: number;
  footPx: number;
  standingFrames: number;
  /** Frames dropped as no plausible person (e.g. a hand over the lens). */
  implausibleFrames: number;
  swapsFixed: number;
  spikesRejected: number;
  cutoffHz: number | null;
  /** Per frame: 1 where the lifter stands. */
  standing: Uint8Array;
  /** Per frame |cos yaw| estimate of its 0.5 s block (NaN unknown). */
  cosYaw: Float32Array;
}

const MIN_SCORE = 0.3;
const EDGE_FRACTION = 0.02;
const SIDES: readonly Side[] = ['left', 'right'];

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
  const hipAnkleRaw = hipAnkleDistance(raw);
  const scalePx = percentile(hipAnkleRaw, 0.5);

  // Warnings read the keypoints as the model gave them, before any filling.
  const warnings = frameWarnings(raw, poseCoverage, W, H);
  if (plausibility.rejectedFrames > 0) {
    warnings.push({
      code: 'implausible_pose',
      message: `${plausibility.rejectedFrames} frame(s) showed a skeleton no person could make (for example something covering the lens) and were ignored.`,
    });
  }
  // From here on the series is filtered in place (memory: an hour of video is 3 x 28 MB).
  const s: KeypointSeries = raw;
  const filterReport = filterKeypoints(s, fps, scalePx, { ...DEFAULT_FILTER, mode: options.mode ?? 'recorded', minScore: MIN_SCORE });

  // Standing frames and segment lengths (rotation-invariant, so before roll removal).
  const hipAnkle = hipAnkleDistance(s);
  const thigh = new Float32Array(n).fill(NaN), shank = new Float32Array(n).fill(NaN);
  segmentLengths(s, thigh, shank);
  const base = standingBaseline(hipAnkle, thigh, shank);

  const roll = estimateCameraRoll(s, base.standing, base.legPx, MIN_SCORE);
  if (base.fallback && n > 0 && poseCoverage > 0) {
    warnings.push({ code: 'no_standing_frames', message: 'No frames of the lifter standing upright were found: heel and hip baselines are estimates.' });
  }
  if (Math.abs(roll.rollDeg) >= 5) {
    warnings.push({ code: 'camera_tilted', message: `The camera was tilted by about ${Math.round(Math.abs(roll.rollDeg))} degrees; angles were corrected for it.` });
  }

  // View per block from shoulder and hip widths against the lifter's own leg length.
  const frameCos = new Float32Array(n).fill(NaN);
  if (base.legPx > 0) {
    for (let i = 0; i < n; i++) {
      let sum = 0, cnt = 0;
      const sw = pairWidth(s, KP.leftShoulder, KP.rightShoulder, i);
      if (sw === sw) { sum += sw / (SHOULDER_PER_LEG * base.legPx); cnt++; }
      const hw = pairWidth(s, KP.leftHip, KP.rightHip, i);
      if (hw === hw) { sum += hw / (HIP_PER_LEG * base.legPx); cnt++; }
      if (cnt) frameCos[i] = Math.min(1, sum / cnt);
    }
  }
  const view = detectView(frameCos, s.t, fps, options.view, scoreGap(s));

  // Measured keypoints become roll-free and Y-up, in place (the smoothed track rotates back).
  removeRoll(s, MEASURED_KEYPOINTS, roll.rollDeg, W / 2, H / 2, s.x, s.y);
  const X = s.x, Y = s.y;

  const ctx: MetricContext = {
    n, X, Y, score: s.score, minScore: MIN_SCORE,
    viewKind: view.kind,
    sagittalScale: new Float32Array(n).fill(1),
    facing: facingPerFrame(s, X, base.footPx, fps),
    base,
    heelBaseY: { left: new Float32Array(n), right: new Float32Array(n) },
    heelToeBase: { left: new Float32Array(n), right: new Float32Array(n) },
    farFootInSideView: farFootInSideView(s, view.kind),
    hipHeight: new Float32Array(n).fill(NaN),
  };
  for (let i = 0; i < n; i++) {
    if (view.kind[i] === VIEW_OBLIQUE) {
      const c = view.cosYaw[i];
      ctx.sagittalScale[i] = c === c ? Math.min(1, Math.max(0.5, Math.sqrt(Math.max(0, 1 - c * c)))) : Math.SQRT1_2;
    }
  }
  for (const side of ['left', 'right'] as const) {
    const k = side === 'left' ? KP.leftHeel : KP.rightHeel;
    const toe = side === 'left' ? KP.leftToe : KP.rightToe;
    const heelY = new Float32Array(n).fill(NaN);
    const heelToe = new Float32Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (!(s.score[k * n + i] >= MIN_SCORE)) continue;
      heelY[i] = Y[k * n + i];
      if (s.score[toe * n + i] >= MIN_SCORE) heelToe[i] = Y[k * n + i] - Y[toe * n + i];
    }
    runningStandingReference(heelY, base.standing, 'median', ctx.heelBaseY[side]);
    runningStandingReference(heelToe, base.standing, 'median', ctx.heelToeBase[side]);
  }

  // Hip height relative to standing, for rep segmentation.
  const hipH = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const hy = midY(ctx, KP.leftHip, KP.rightHip, i), ay = midY(ctx, KP.leftAnkle, KP.rightAnkle, i);
    if (hy === hy && ay === ay) hipH[i] = hy - ay;
  }
  const hipRef = new Float32Array(n);
  runningStandingReference(hipH, base.standing, 'max', hipRef);
  for (let i = 0; i < n; i++) ctx.hipHeight[i] = hipH[i] / hipRef[i];

  // ---- metrics: every registry metric, each computed once (a derived metric asks for its
  // inputs through seriesOf, which computes them first if needed).
  const computed = new Map<string, MetricSeries>();
  const seriesOf = (key: string, side: Side | null): MetricSeries => {
    const ck = columnKey(key as RegistryMetricKey, side);
    let out = computed.get(ck);
    if (!out) {
      const compute = metricDef(key as RegistryMetricKey).compute;
      out = compute === 'rep-stage' ? newSeries(n) : compute(ctx, side, seriesOf);
      computed.set(ck, out);
    }
    return out;
  };
  for (const def of METRICS) for (const side of def.sided ? SIDES : [null]) seriesOf(def.key, side);

  // ---- output columns, in place (value NaN and confidence 0 where not finite, confidence
  // clamped to 0..1), counting per metric the frames with a value and their raw confidences
  // for measurability (left then right into one count).
  const measured: Partial<Record<MetricKey, MeasuredCount>> = {};
  const columns: Record<string, MetricColumn> = {};
  for (const def of METRICS) {
    const acc: MeasuredCount = (measured[def.key] = { count: 0, confSum: 0 });
    for (const side of def.sided ? SIDES : [null]) {
      const ck = columnKey(def.key, side);
      columns[ck] = toOutputColumn(computed.get(ck)!, acc);
    }
  }
  const series: FrameSeries = { t: s.t, columns };
  const hipHeight: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const h = ctx.hipHeight[i];
    hipHeight[i] = h === h && h !== Infinity && h !== -Infinity ? h : null;
  }

  const result: FrameMetricsResult = {
    view: view.estimate,
    cameraRollDeg: Number.isFinite(roll.rollDeg) ? roll.rollDeg : 0,
    measurability: measurability(view.estimate, measured),
    warnings,
    poseCoverage,
    hipHeight,
    smoothed: null as unknown as PoseTrack, // replaced by the lazy property below
    series,
    details: {
      fps, rollConfidence: roll.confidence, rollSource: roll.source,
      thighPx: base.thighPx, shankPx: base.shankPx, footPx: base.footPx, standingFrames: base.standingCount,
      implausibleFrames: plausibility.rejectedFrames,
      swapsFixed: filterReport.swapsFixed, spikesRejected: filterReport.spikesRejected, cutoffHz: filterReport.cutoffHz,
      standing: base.standing, cosYaw: view.cosYaw,
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

// ---------------------------------------------------------------------------

/**
 * A computed series as an output column, in place: value NaN and confidence 0 where the value is
 * not finite, confidence clamped to 0..1. Counts into `acc` the frames with a value (anything
 * but NaN) and the sum of their raw confidences.
 */
function toOutputColumn(series: MetricSeries, acc: MeasuredCount): MetricColumn {
  const { value, confidence } = series;
  let count = acc.count, confSum = acc.confSum;
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (x === x) { count++; confSum += confidence[i]; }
    if (x === x && x !== Infinity && x !== -Infinity) {
      const k = confidence[i];
      confidence[i] = k > 0 ? (k < 1 ? k : 1) : 0;
    } else {
      value[i] = NaN;
      confidence[i] = 0;
    }
  }
  acc.count = count;
  acc.confSum = confSum;
  return series;
}

function finiteOr(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}

function ok(s: KeypointSeries, k: number, i: number): boolean {
  return s.score[k * s.n + i] >= MIN_SCORE;
}

/** Hip-mid to ankle-mid distance per frame (one side standing in when the other is missing). */
function hipAnkleDistance(s: KeypointSeries): Float32Array {
  const n = s.n;
  const out = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const hl = ok(s, KP.leftHip, i), hr = ok(s, KP.rightHip, i), al = ok(s, KP.leftAnkle, i), ar = ok(s, KP.rightAnkle, i);
    if (!(hl || hr) || !(al || ar)) continue;
    const hx = hl && hr ? (s.x[KP.leftHip * n + i] + s.x[KP.rightHip * n + i]) / 2 : s.x[(hl ? KP.leftHip : KP.rightHip) * n + i];
    const hy = hl && hr ? (s.y[KP.leftHip * n + i] + s.y[KP.rightHip * n + i]) / 2 : s.y[(hl ? KP.leftHip : KP.rightHip) * n + i];
    const ax = al && ar ? (s.x[KP.leftAnkle * n + i] + s.x[KP.rightAnkle * n + i]) / 2 : s.x[(al ? KP.leftAnkle : KP.rightAnkle) * n + i];
    const ay = al && ar ? (s.y[KP.leftAnkle * n + i] + s.y[KP.rightAnkle * n + i]) / 2 : s.y[(al ? KP.leftAnkle : KP.rightAnkle) * n + i];
    out[i] = Math.sqrt((hx - ax) * (hx - ax) + (hy - ay) * (hy - ay));
  }
  return out;
}

/** Mean over visible sides of thigh (hip-knee) and shank (knee-ankle) lengths per frame. */
function segmentLengths(s: KeypointSeries, thigh: Float32Array, shank: Float32Array): void {
  const n = s.n;
  const dist = (a: number, b: number, i: number) => Math.sqrt((s.x[a * n + i] - s.x[b * n + i]) * (s.x[a * n + i] - s.x[b * n + i]) + (s.y[a * n + i] - s.y[b * n + i]) * (s.y[a * n + i] - s.y[b * n + i]));
  for (let i = 0; i < n; i++) {
    let ts = 0, tc = 0, ss = 0, sc = 0;
    for (let side = 0; side < 2; side++) {
      const h = side ? KP.rightHip : KP.leftHip, k = side ? KP.rightKnee : KP.leftKnee, a = side ? KP.rightAnkle : KP.leftAnkle;
      if (ok(s, h, i) && ok(s, k, i)) { ts += dist(h, k, i); tc++; }
      if (ok(s, k, i) && ok(s, a, i)) { ss += dist(k, a, i); sc++; }
    }
    if (tc) thigh[i] = ts / tc;
    if (sc) shank[i] = ss / sc;
  }
}

/**
 * Which foot is away from the camera in the side-view frames: the side whose ankle, heel and
 * toe score lower on average (BlazePose scores the hidden side lower), if clearly so.
 */
function farFootInSideView(s: KeypointSeries, viewKind: Uint8Array): number {
  const n = s.n;
  let l = 0, r = 0, c = 0;
  for (let i = 0; i < n; i++) {
    if (viewKind[i] !== VIEW_SIDE) continue;
    l += s.score[KP.leftAnkle * n + i] + s.score[KP.leftHeel * n + i] + s.score[KP.leftToe * n + i];
    r += s.score[KP.rightAnkle * n + i] + s.score[KP.rightHeel * n + i] + s.score[KP.rightToe * n + i];
    c += 3;
  }
  if (!c) return 0;
  const d = (l - r) / c;
  return d < -0.1 ? 1 : d > 0.1 ? 2 : 0;
}

/** Per frame: mean left-minus-right score over the body's paired keypoints (NaN with no person). */
function scoreGap(s: KeypointSeries): Float32Array {
  const n = s.n;
  const out = new Float32Array(n).fill(NaN);
  const pairs = [KP.leftShoulder, KP.rightShoulder, KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee, KP.leftAnkle, KP.rightAnkle, KP.leftHeel, KP.rightHeel, KP.leftToe, KP.rightToe];
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    let d = 0;
    for (let p = 0; p < pairs.length; p += 2) d += s.score[pairs[p] * n + i] - s.score[pairs[p + 1] * n + i];
    out[i] = d / (pairs.length / 2);
  }
  return out;
}

function pairWidth(s: KeypointSeries, l: number, r: number, i: number): number {
  if (!ok(s, l, i) || !ok(s, r, i)) return NaN;
  const n = s.n;
  return Math.sqrt((s.x[l * n + i] - s.x[r * n + i]) * (s.x[l * n + i] - s.x[r * n + i]) + (s.y[l * n + i] - s.y[r * n + i]) * (s.y[l * n + i] - s.y[r * n + i]));
}

function midY(ctx: MetricContext, l: number, r: number, i: number): number {
  const n = ctx.n;
  const sl = ctx.score[l * n + i] >= MIN_SCORE, sr = ctx.score[r * n + i] >= MIN_SCORE;
  if (sl && sr) return (ctx.Y[l * n + i] + ctx.Y[r * n + i]) / 2;
  if (sl) return ctx.Y[l * n + i];
  if (sr) return ctx.Y[r * n + i];
  return NaN;
}

/**
 * Which way the lifter faces in the picture, per frame: toes ahead of heels (both feet), else
 * the nose ahead of the ears; then the majority over each second, so one odd frame does not
 * flip the sign of every forward angle. 0 where unknown (e.g. facing the camera).
 */
function facingPerFrame(s: KeypointSeries, X: Float32Array, footPx: number, fps: number): Int8Array {
  const n = s.n;
  const raw = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0, c = 0;
    for (let side = 0; side < 2; side++) {
      const h = side ? KP.rightHeel : KP.leftHeel, t = side ? KP.rightToe : KP.leftToe;
      if (ok(s, h, i) && ok(s, t, i)) { d += X[t * n + i] - X[h * n + i]; c++; }
    }
    if (c && Math.abs(d / c) > 0.25 * footPx) { raw[i] = Math.sign(d); continue; }
    const le = ok(s, KP.leftEar, i), re = ok(s, KP.rightEar, i);
    if (ok(s, KP.nose, i) && (le || re)) {
      const ex = le && re ? (X[KP.leftEar * n + i] + X[KP.rightEar * n + i]) / 2 : X[(le ? KP.leftEar : KP.rightEar) * n + i];
      const dn = X[KP.nose * n + i] - ex;
      if (Math.abs(dn) > 0.05 * footPx) raw[i] = Math.sign(dn) * 0.5;
    }
  }
  const out = new Int8Array(n);
  const block = Math.max(1, Math.round(fps));
  let last = 0;
  for (let b = 0; b * block < n; b++) {
    let sum = 0;
    for (let i = b * block; i < Math.min(n, (b + 1) * block); i++) sum += raw[i];
    const sign = sum > 0 ? 1 : sum < 0 ? -1 : last;
    if (sign) last = sign;
    for (let i = b * block; i < Math.min(n, (b + 1) * block); i++) out[i] = sign;
  }
  // Blocks before the first decided one take its sign.
  let first = 0;
  for (let i = 0; i < n; i++) if (out[i]) { first = out[i]; break; }
  for (let i = 0; i < n && !out[i]; i++) out[i] = first;
  return out;
}

const BODY_KEYPOINTS = [KP.nose, KP.leftShoulder, KP.rightShoulder, KP.leftHip, KP.rightHip, KP.leftKnee, KP.rightKnee];

function frameWarnings(s: KeypointSeries, coverage: number, W: number, H: number): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  const n = s.n;
  if (n === 0) {
    warnings.push({ code: 'no_frames', message: 'The pose track has no frames.' });
    return warnings;
  }
  if (coverage < 0.5) {
    warnings.push({ code: 'no_person', message: `No person was found in most of the video (${Math.round(coverage * 100)} % of frames).` });
  } else if (coverage < 0.8) {
    warnings.push({ code: 'low_coverage', message: `The person was found in only ${Math.round(coverage * 100)} % of frames: parts of the set may be missing.` });
  }
  let withPerson = 0, feetOut = 0, bodyOut = 0;
  const mx = EDGE_FRACTION * W, my = EDGE_FRACTION * H;
  const atEdge = (k: number, i: number) => {
    if (!(W > 0 && H > 0)) return false;
    const x = s.x[k * n + i], y = s.y[k * n + i];
    return x <= mx || x >= W - mx || y <= my || y >= H - my;
  };
  const missingOrEdge = (k: number, i: number) => !(s.score[k * n + i] >= MIN_SCORE) || atEdge(k, i);
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) continue;
    withPerson++;
    const feetBad = (missingOrEdge(KP.leftAnkle, i) && missingOrEdge(KP.rightAnkle, i)) ||
      (missingOrEdge(KP.leftHeel, i) && missingOrEdge(KP.rightHeel, i));
    if (feetBad) feetOut++;
    let bodyBad = false;
    for (let j = 0; j < BODY_KEYPOINTS.length; j++) {
      const k = BODY_KEYPOINTS[j];
      if (s.score[k * n + i] >= MIN_SCORE && atEdge(k, i)) { bodyBad = true; break; }
    }
    if ((missingOrEdge(KP.leftShoulder, i) && missingOrEdge(KP.rightShoulder, i)) || (missingOrEdge(KP.leftHip, i) && missingOrEdge(KP.rightHip, i))) bodyBad = true;
    if (bodyBad) bodyOut++;
  }
  if (withPerson && feetOut / withPerson > 0.3) {
    warnings.push({ code: 'feet_out_of_frame', message: `The feet are missing or at the edge of the picture in ${Math.round((100 * feetOut) / withPerson)} % of frames: heel lift and knee tracking need the feet in view.` });
  }
  if (withPerson && bodyOut / withPerson > 0.3) {
    warnings.push({ code: 'partly_out_of_frame', message: `Part of the body is outside the picture in ${Math.round((100 * bodyOut) / withPerson)} % of frames: step back so the whole body is in view.` });
  }
  return warnings;
}

/**
 * The filtered keypoints as a PoseTrack in source pixels. Frames build their keypoint objects
 * on first access (and cache them), so an hour-long track costs nothing until something draws
 * it. The measured keypoints are stored roll-free and Y-up; they are rotated back here.
 */
interface RollBack { cos: number; sin: number; cx: number; cy: number }

class SmoothedFrame implements PoseFrame {
  private cache: Keypoint[] | null | undefined;
  constructor(
    readonly t: number, private readonly s: KeypointSeries, private readonly i: number, private readonly back: RollBack,
    private readonly input: PoseFrame | undefined,
  ) {}
  get keypoints(): Keypoint[] | null {
    if (this.cache !== undefined) return this.cache;
    const kps = this.input?.keypoints;
    if (!this.s.present[this.i] || !Array.isArray(kps)) return (this.cache = null);
    const out: Keypoint[] = [];
    const { n, x, y, score } = this.s;
    const { cos, sin, cx, cy } = this.back;
    for (const kp of kps) {
      if (!kp || typeof kp !== 'object') continue;
      const k = slotOf(kp.name as string);
      if (k === undefined) {
        // Face and hands pass through as read (they are drawn, not measured).
        if (Number.isFinite(kp.x) && Number.isFinite(kp.y)) {
          out.push({ name: kp.name, x: kp.x, y: kp.y, score: Number.isFinite(kp.score) ? kp.score : 0 });
        }
        continue;
      }
      const o = k * n + this.i;
      const X = x[o], Y = y[o];
      if (!(X === X) || !(Y === Y)) continue;
      // Roll-free, Y-up -> source pixels: rotate by +roll about the centre.
      const dx = X, dy = -Y;
      out.push({ name: kp.name, x: cx + dx * cos + dy * sin, y: cy - dx * sin + dy * cos, score: score[o] });
    }
    return (this.cache = out);
  }
  toJSON() {
    return { t: this.t, keypoints: this.keypoints };
  }
}

function smoothedTrack(track: PoseTrack, s: KeypointSeries, rollDeg: number, cx: number, cy: number): PoseTrack {
  const r = (rollDeg * Math.PI) / 180;
  const back: RollBack = { cos: Math.cos(r), sin: Math.sin(r), cx, cy };
  const input = Array.isArray(track?.frames) ? track.frames : [];
  const frames: PoseFrame[] = new Array(s.n);
  for (let i = 0; i < s.n; i++) frames[i] = new SmoothedFrame(s.t[i], s, i, back, input[i]);
  return {
    source: track?.source ?? { name: '', width: 0, height: 0, fps: 0, durationS: 0, frameCount: s.n },
    model: track?.model ?? '',
    frames,
  };
}

/** A PoseTrack whose frames are plain objects (materialises lazy frames such as `smoothed`'s). */
export function plainTrack(track: PoseTrack): PoseTrack {
  return { source: track.source, model: track.model, frames: track.frames.map((f) => ({ t: f.t, keypoints: f.keypoints })) };
}
