import type { AnalysedFrame, MetricKey, RepPeak, Side } from '../types';
import { ALL_METRICS, PEAK_DIRECTION, isSidedMetric } from './metric_direction';

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

export const REP_PEAK_DEFAULTS: Required<RepPeakOptions> = { minConfidence: 0.3, holdS: 0.1, offsets: {} };

type Getter = (f: AnalysedFrame) => [number | null, number];

function getter(key: MetricKey, side: Side | null, offset = 0): Getter {
  if (offset !== 0 && !side) {
    return (f) => {
      const v = f.metrics[key] as number | null;
      return [v === null ? null : v - offset, (f.confidence[key] as number | undefined) ?? 0];
    };
  }
  if (side) {
    return (f) => {
      const m = f.metrics[key] as { left: number | null; right: number | null } | null | undefined;
      const c = f.confidence[key] as { left: number; right: number } | undefined;
      return [m ? m[side] : null, c ? c[side] : 0];
    };
  }
  return (f) => [f.metrics[key] as number | null, (f.confidence[key] as number | undefined) ?? 0];
}

/** Sustained extreme of one series over frames [from, to]. */
export function sustainedPeak(
  frames: readonly AnalysedFrame[],
  from: number,
  to: number,
  get: Getter,
  direction: 'max' | 'min' | 'absmax',
  windowFrames: number,
  minConfidence: number,
): PeakInfo | null {
  const n = to - from + 1;
  if (n <= 0) return null;
  const vals = new Float64Array(n);
  const conf = new Float64Array(n);
  const ok = new Uint8Array(n);
  let okCount = 0;
  for (let i = 0; i < n; i++) {
    const [v, c] = get(frames[from + i]);
    if (v !== null && Number.isFinite(v) && c >= minConfidence) {
      // Work in "larger is worse" space.
      vals[i] = direction === 'min' ? -v : direction === 'absmax' ? Math.abs(v) : v;
      conf[i] = c;
      ok[i] = 1;
      okCount++;
    }
  }
  if (okCount === 0) return null;
  const w = Math.max(1, Math.min(windowFrames, okCount));
  let best = -Infinity;
  let bestIdx = -1;
  let bestConf = 0;
  // Slide over windows of w consecutive usable frames; score = window minimum.
  for (let i = 0; i + w <= n; i++) {
    let wmin = Infinity;
    let csum = 0;
    let argmax = -1;
    let vmax = -Infinity;
    let good = true;
    for (let k = i; k < i + w; k++) {
      if (!ok[k]) {
        good = false;
        break;
      }
      if (vals[k] < wmin) wmin = vals[k];
      if (vals[k] > vmax) {
        vmax = vals[k];
        argmax = k;
      }
      csum += conf[k];
    }
    if (good && wmin > best) {
      best = wmin;
      bestIdx = argmax;
      bestConf = csum / w;
    }
  }
  if (bestIdx < 0) {
    // No run of w usable frames: fall back to the single best frame, at reduced confidence.
    for (let i = 0; i < n; i++) if (ok[i] && vals[i] > best) {
      best = vals[i];
      bestIdx = i;
      bestConf = conf[i] * 0.5;
    }
  }
  const [raw] = get(frames[from + bestIdx]);
  // Report the sustained level in the metric's own sign.
  let value: number;
  if (direction === 'min') value = -best;
  else if (direction === 'absmax') value = Math.sign(raw ?? 1) * best;
  else value = best;
  return { value, t: frames[from + bestIdx].t, frame: from + bestIdx, confidence: bestConf };
}

/** Peaks of every metric over a rep's frames [from, to]. */
export function computeRepPeaks(
  frames: readonly AnalysedFrame[],
  from: number,
  to: number,
  fps: number,
  options: RepPeakOptions = {},
  metrics: readonly MetricKey[] = ALL_METRICS,
): MetricPeaks {
  const o = { ...REP_PEAK_DEFAULTS, ...options };
  const w = Math.max(1, Math.round(o.holdS * (Number.isFinite(fps) && fps > 0 ? fps : 30)));
  const out: MetricPeaks = {};
  for (const key of metrics) {
    const dir = PEAK_DIRECTION[key];
    if (isSidedMetric(key)) {
      out[key] = {
        left: sustainedPeak(frames, from, to, getter(key, 'left'), dir, w, o.minConfidence),
        right: sustainedPeak(frames, from, to, getter(key, 'right'), dir, w, o.minConfidence),
      };
    } else {
      out[key] = sustainedPeak(frames, from, to, getter(key, null, o.offsets[key] ?? 0), dir, w, o.minConfidence);
    }
  }
  return out;
}

const round = (v: number, digits = 3): number => {
  const p = 10 ** digits;
  return Math.round(v * p) / p;
};

/** The public form of the peaks (numbers only), for Rep.peaks. */
export function publicPeaks(peaks: MetricPeaks): Partial<Record<MetricKey, RepPeak>> {
  const out: Partial<Record<MetricKey, RepPeak>> = {};
  for (const key of Object.keys(peaks) as MetricKey[]) {
    const p = peaks[key];
    if (p === undefined) continue;
    if (p === null) out[key] = null;
    else if ('left' in p) out[key] = { left: p.left ? round(p.left.value) : null, right: p.right ? round(p.right.value) : null };
    else out[key] = round(p.value);
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
