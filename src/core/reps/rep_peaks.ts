import { framesIn } from '../clip_context';
import { METRIC_KEYS, metricDef, type PeakDirection } from '../metrics/registry';
import { column } from '../series';
import type { FrameSeries, MetricColumn, MetricKey, RepMeasure, RepMeasureEntry, Side, ViewKind } from '../types';

/** One extreme of one metric over one rep, with where it happened. */
export interface PeakInfo {
  value: number;
  /** Seconds. */
  t: number;
  frame: number;
  /** Mean metric confidence over the frames that hold the peak. */
  confidence: number;
}

export type MetricPeaks = Partial<Record<MetricKey, PeakInfo | null | { left: PeakInfo | null; right: PeakInfo | null }>>;

export interface RepPeakOptions {
  /** Frames whose metric confidence is below this are ignored. */
  minConfidence?: number;
  /**
   * The peak must hold for this long: the extreme of a running minimum (for 'max' metrics)
   * over this window. A one-frame keypoint glitch cannot make a peak; a real bottom lasts
   * longer than 0.1 s at any squat tempo (the fastest descents take ~0.5 s).
   */
  holdS?: number;
  /**
   * Subtracted from a scalar metric before taking its peak, e.g. the lifter's own hip shift
   * while standing before the rep: a lifter who stands a little off-centre is not shifting.
   */
  offsets?: Partial<Record<MetricKey, number>>;
}

/**
 * minConfidence 0.5 = the confidence a flag needs (thresholds.ts MIN_FLAG_CONFIDENCE): a peak
 * is taken only over frames good enough to flag, so a rep is flagged on what was seen well
 * (e.g. FPPA loses confidence as the thigh nears horizontal) rather than not at all.
 */
export const REP_PEAK_DEFAULTS: Required<RepPeakOptions> = { minConfidence: 0.5, holdS: 0.1, offsets: {} };

/**
 * Scratch buffers of sustainedPeak, grown as needed and reused: it runs for every metric and
 * side of every rep (28 calls a rep, some 29,000 over an hour of reps), and allocating two typed arrays
 * per call cost more than the scan itself.
 */
const scratch = { scores: new Float64Array(0), queue: new Int32Array(0) };

/**
 * Sustained extreme of one column over frames [from, to]: the best value that holds for
 * `windowFrames` consecutive usable frames (the window's minimum, in "larger is worse"
 * space). Falls back to the single best frame, at half confidence, when no such run exists.
 */
export function sustainedPeak(
  col: MetricColumn,
  t: Float64Array,
  from: number,
  to: number,
  direction: PeakDirection,
  windowFrames: number,
  minConfidence: number,
  offset = 0,
): PeakInfo | null {
  const { value, confidence } = col;
  const w = Math.max(1, windowFrames);
  const len = to - from + 1;
  if (len <= 0) return null;
  // Scores once per frame (NaN = unusable), then the minimum of every w-frame window of usable
  // frames by a monotonic queue: O(frames), not O(frames x w), over an hour of reps.
  if (scratch.scores.length < len) {
    const size = Math.max(len, 2 * scratch.scores.length, 1024);
    scratch.scores = new Float64Array(size);
    scratch.queue = new Int32Array(size);
  }
  const sc = scratch.scores;
  for (let j = 0; j < len; j++) {
    const i = from + j;
    const v = value[i] - offset;
    sc[j] = !(v === v) || confidence[i] < minConfidence ? NaN : direction === 'min' ? -v : direction === 'absmax' ? Math.abs(v) : v;
  }
  const queue = scratch.queue; // indices into sc, their scores increasing
  let head = 0;
  let tail = 0;
  let best = -Infinity;
  let bestIdx = -1;
  let bestConf = 0;
  let single = -Infinity;
  let singleIdx = -1;
  let run = 0; // length of the current run of usable frames
  for (let j = 0; j < len; j++) {
    const s = sc[j];
    if (!(s === s)) {
      run = 0;
      head = tail = 0;
      continue;
    }
    run++;
    if (s > single) {
      single = s;
      singleIdx = from + j;
    }
    while (tail > head && sc[queue[tail - 1]] >= s) tail--;
    queue[tail++] = j;
    if (queue[head] <= j - w) head++;
    if (run < w) continue;
    const wmin = sc[queue[head]];
    // Where the window's maximum sits and its mean confidence only when it beats the best so
    // far (rarely).
    if (wmin > best) {
      let argmax = j;
      let vmax = -Infinity;
      let csum = 0;
      for (let k = j - w + 1; k <= j; k++) {
        if (sc[k] > vmax) {
          vmax = sc[k];
          argmax = k;
        }
        csum += confidence[from + k];
      }
      best = wmin;
      bestIdx = from + argmax;
      bestConf = csum / w;
    }
  }
  if (singleIdx < 0) return null;
  if (bestIdx < 0) {
    best = single;
    bestIdx = singleIdx;
    bestConf = confidence[singleIdx] * 0.5;
  }
  const raw = value[bestIdx] - offset;
  let v: number;
  if (direction === 'min') v = -best;
  else if (direction === 'absmax') v = (raw < 0 ? -1 : 1) * best;
  else v = best;
  return { value: v, t: t[bestIdx], frame: bestIdx, confidence: bestConf };
}

/** Peaks of every metric over a rep's frames [from, to]. */
export function computeRepPeaks(
  series: FrameSeries,
  from: number,
  to: number,
  fps: number,
  options: RepPeakOptions = {},
  metrics: readonly MetricKey[] = METRIC_KEYS,
): MetricPeaks {
  const o = { ...REP_PEAK_DEFAULTS, ...options };
  const rate = Number.isFinite(fps) && fps > 0 ? fps : 30;
  const out: MetricPeaks = {};
  const t = series.t;
  for (const key of metrics) {
    const def = metricDef(key);
    // At least 2 frames: a single frame is never "sustained" (at 12.5 fps, 0.1 s rounds to 1).
    // A metric may ask for a longer hold (the registry's peakHoldS).
    const w = Math.max(2, framesIn(Math.max(o.holdS, def.peakHoldS ?? 0), rate));
    const dir = def.peak;
    if (def.sided) {
      const l = column(series, key, 'left');
      const r = column(series, key, 'right');
      out[key] = {
        left: l ? sustainedPeak(l, t, from, to, dir, w, o.minConfidence) : null,
        right: r ? sustainedPeak(r, t, from, to, dir, w, o.minConfidence) : null,
      };
    } else {
      const c = column(series, key, null);
      out[key] = c ? sustainedPeak(c, t, from, to, dir, w, o.minConfidence, o.offsets[key] ?? 0) : null;
    }
  }
  return out;
}

const round = (v: number, digits = 3): number => {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
};

/** The public form of one peak: value and confidence rounded to 3 decimals, with its frame's time and view. */
export function publicMeasure(p: PeakInfo, viewAt: (frame: number) => ViewKind): RepMeasure {
  return { value: round(p.value), confidence: round(p.confidence), t: p.t, view: viewAt(p.frame) };
}

/** The public form of the peaks, for Rep.measures. */
export function publicMeasures(peaks: MetricPeaks, viewAt: (frame: number) => ViewKind): Partial<Record<MetricKey, RepMeasureEntry>> {
  const out: Partial<Record<MetricKey, RepMeasureEntry>> = {};
  const one = (p: PeakInfo | null) => (p ? publicMeasure(p, viewAt) : null);
  for (const key of Object.keys(peaks) as MetricKey[]) {
    const p = peaks[key];
    if (p === undefined) continue;
    if (p === null) out[key] = null;
    else if ('left' in p) out[key] = { left: one(p.left), right: one(p.right) };
    else out[key] = one(p);
  }
  return out;
}

export function sidedPeak(peaks: MetricPeaks, key: MetricKey, side: Side): PeakInfo | null {
  const p = peaks[key];
  if (!p || !('left' in p)) return null;
  return p[side];
}

export function scalarPeak(peaks: MetricPeaks, key: MetricKey): PeakInfo | null {
  const p = peaks[key];
  if (!p || 'left' in p) return null;
  return p;
}
