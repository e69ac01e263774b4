import { METRICS } from '../metrics/registry';
import type { RepEventIndices } from '../reps/segment_reps';
import { column } from '../series';
import { percentile } from '../standing_baseline';
import type { FrameSeries, MetricKey, Side } from '../types';

/**
 * How much a metric wobbles while the lifter stands still, and the smallest rep peak that
 * stands out from it.
 *
 * A rep's peak is the largest value over a second or more of noisy frames, so on a
 * low-resolution clip a heel "lifts" by a few pixels of keypoint jitter on every rep. A
 * flag therefore also needs its peak above the metric's own standing variation:
 *   floor = median + 3 x SD over standing frames (outside reps, hip within 10 % of standing
 *   height), the usual limit of detection (3 x the SD of the blank; IUPAC, Long & Winefordner
 *   1983, Anal Chem 55:712A). SD is the robust MAD x 1.4826.
 * Unknown (no floor) with fewer than 10 standing frames. On exact keypoints the SD is 0 and
 * the floor is the standing value itself, so the cited thresholds decide alone.
 * Which metrics are gated, and how, is the registry's `noiseGate`.
 */

const MIN_FRAMES = 10;
const K_SD = 3;

export interface Spread {
  median: number;
  sd: number;
}

function spread(v: number[]): Spread | null {
  if (v.length < MIN_FRAMES) return null;
  // Upper-middle medians by quickselect (standing_baseline.ts percentile): O(n) on 20,000 values.
  const med = percentile(v, 0.5);
  const dev = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - med);
  return { median: med, sd: 1.4826 * percentile(dev, 0.5) };
}

/** Frames where the lifter stands (outside every rep, hip within 10 % of standing height). */
export function standingMask(n: number, reps: readonly RepEventIndices[], hipHeight: ArrayLike<number>): Uint8Array {
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hipHeight[i];
    m[i] = h >= 0.9 && h <= 1.1 ? 1 : 0;
  }
  for (const r of reps) for (let i = r.start; i <= r.end && i < n; i++) m[i] = 0;
  return m;
}

/** Standing values of one column with usable confidence (at most ~20,000, evenly strided). */
function collect(series: FrameSeries, mask: Uint8Array, key: MetricKey, side: Side | null): number[] {
  const c = column(series, key, side);
  const out: number[] = [];
  if (!c) return out;
  const n = series.t.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (mask[i]) count++;
  const stride = Math.max(1, Math.floor(count / 20000));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!mask[i]) continue;
    if (k++ % stride) continue;
    const v = c.value[i];
    if (v === v && c.confidence[i] >= 0.3) out.push(v);
  }
  return out;
}

export type NoiseFloor = Partial<Record<MetricKey, number | { left: number | null; right: number | null } | null>>;

/** Per-metric floors for RepFlagInput.noiseFloor. hipShift's floor is on the deviation from standing. */
export function standingNoiseFloor(series: FrameSeries, mask: Uint8Array): NoiseFloor {
  const out: NoiseFloor = {};
  for (const def of METRICS) {
    const gate = def.noiseGate;
    if (!gate) continue;
    const floor = (side: Side | null) => {
      const s = spread(collect(series, mask, def.key, side));
      return s ? (gate === 'deviation' ? K_SD * s.sd : s.median + K_SD * s.sd) : null;
    };
    out[def.key] = def.sided ? { left: floor('left'), right: floor('right') } : floor(null);
  }
  return out;
}

/**
 * Each side's keypoint noise of a per-side metric: the robust SD of its standing values (null
 * with fewer than 10 standing frames). What the asymmetry rule compares a difference with
 * (asymmetry/noise_rule.ts).
 */
export function standingNoiseSided(series: FrameSeries, mask: Uint8Array, key: MetricKey): { left: number | null; right: number | null } {
  const sd = (side: Side) => spread(collect(series, mask, key, side))?.sd ?? null;
  return { left: sd('left'), right: sd('right') };
}

/**
 * Hip shift while standing just before a rep (median over up to 1 s of standing frames before
 * its start; else its first frames): the offset the rep's shift is measured from.
 */
export function standingHipShiftBefore(series: FrameSeries, mask: Uint8Array, rep: RepEventIndices): number {
  const t = series.t;
  const shift = column(series, 'hipShift', null);
  if (!shift) return 0;
  const t0 = t[rep.start] ?? 0;
  const v: number[] = [];
  for (let i = rep.start - 1; i >= 0 && t[i] >= t0 - 1; i--) {
    const x = shift.value[i];
    if (mask[i] && Number.isFinite(x) && shift.confidence[i] >= 0.3) v.push(x);
  }
  if (v.length < 3) {
    for (let i = rep.start; i <= Math.min(rep.bottom, rep.start + 3); i++) {
      const x = shift.value[i];
      if (Number.isFinite(x)) v.push(x);
    }
  }
  if (!v.length) return 0;
  v.sort((a, b) => a - b);
  return v[v.length >> 1];
}
