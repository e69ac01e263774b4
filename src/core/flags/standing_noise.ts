import type { AnalysedFrame, MetricKey, Side } from '../types';
import type { RepEventIndices } from '../reps/segment_reps';
import type { MetricColumns } from '../reps/metric_columns';

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
 */
export const NOISE_GATED_METRICS: readonly MetricKey[] = ['kneeValgusDeg', 'heelLift', 'trunkTibiaDeg', 'torsoAngleDeg', 'hipShift'];

const MIN_FRAMES = 10;
const K_SD = 3;

export interface Spread {
  median: number;
  sd: number;
}

function spread(v: number[]): Spread | null {
  if (v.length < MIN_FRAMES) return null;
  // Plain loops rather than Float64Array.from (its iterator path is slow on 20,000 values).
  const s = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) s[i] = v[i];
  s.sort();
  const med = s[s.length >> 1];
  const dev = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) dev[i] = Math.abs(v[i] - med);
  dev.sort();
  return { median: med, sd: 1.4826 * dev[dev.length >> 1] };
}

/** Frames where the lifter stands (outside every rep, hip within 10 % of standing height). */
export function standingMask(n: number, reps: readonly RepEventIndices[], hipHeight: readonly (number | null)[]): Uint8Array {
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hipHeight[i];
    m[i] = typeof h === 'number' && h >= 0.9 && h <= 1.1 ? 1 : 0;
  }
  for (const r of reps) for (let i = r.start; i <= r.end && i < n; i++) m[i] = 0;
  return m;
}

/** Standing values of one column with usable confidence (at most ~20,000, evenly strided). */
function collect(cols: MetricColumns, mask: Uint8Array, key: MetricKey, side: Side | null): number[] {
  const c = cols.get(key, side);
  const out: number[] = [];
  if (!c) return out;
  let count = 0;
  for (let i = 0; i < cols.n; i++) if (mask[i]) count++;
  const stride = Math.max(1, Math.floor(count / 20000));
  let k = 0;
  for (let i = 0; i < cols.n; i++) {
    if (!mask[i]) continue;
    if (k++ % stride) continue;
    const v = c.value[i];
    if (v === v && c.confidence[i] >= 0.3) out.push(v);
  }
  return out;
}

export type NoiseFloor = Partial<Record<MetricKey, number | { left: number | null; right: number | null } | null>>;

/** Per-metric floors for RepFlagInput.noiseFloor. hipShift's floor is on the deviation from standing. */
export function standingNoiseFloor(cols: MetricColumns, mask: Uint8Array): NoiseFloor {
  const out: NoiseFloor = {};
  for (const key of NOISE_GATED_METRICS) {
    if (key === 'kneeValgusDeg' || key === 'heelLift') {
      const f = (side: Side) => {
        const s = spread(collect(cols, mask, key, side));
        return s ? s.median + K_SD * s.sd : null;
      };
      out[key] = { left: f('left'), right: f('right') };
    } else {
      const s = spread(collect(cols, mask, key, null));
      out[key] = s ? (key === 'hipShift' ? K_SD * s.sd : s.median + K_SD * s.sd) : null;
    }
  }
  return out;
}

/** Median of a per-side metric over standing frames (null with fewer than 10 frames). */
export function standingMedianSided(
  cols: MetricColumns,
  mask: Uint8Array,
  key: MetricKey,
): { left: number | null; right: number | null } {
  const m = (side: Side) => spread(collect(cols, mask, key, side))?.median ?? null;
  return { left: m('left'), right: m('right') };
}

/**
 * Hip shift while standing just before a rep (median over up to 1 s of standing frames before
 * its start; else its first frames): the offset the rep's shift is measured from.
 */
export function standingHipShiftBefore(frames: readonly AnalysedFrame[], mask: Uint8Array, rep: RepEventIndices): number {
  const t0 = frames[rep.start]?.t ?? 0;
  const v: number[] = [];
  for (let i = rep.start - 1; i >= 0 && frames[i].t >= t0 - 1; i--) {
    const x = frames[i].metrics.hipShift;
    if (mask[i] && x !== null && Number.isFinite(x) && frames[i].confidence.hipShift >= 0.3) v.push(x);
  }
  if (v.length < 3) {
    for (let i = rep.start; i <= Math.min(rep.bottom, rep.start + 3); i++) {
      const x = frames[i].metrics.hipShift;
      if (x !== null && Number.isFinite(x)) v.push(x);
    }
  }
  if (!v.length) return 0;
  v.sort((a, b) => a - b);
  return v[v.length >> 1];
}
