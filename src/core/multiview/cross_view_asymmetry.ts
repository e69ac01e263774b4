/**
 * Left vs right from two side videos: the lifter's left leg from the camera on their left, the
 * right leg from the camera on their right. One camera cannot compare per-side sagittal metrics
 * (knee bend, shin angle, foot angle, heel lift from the side): its far leg is hidden
 * (asymmetry/rep_asymmetry.ts FAIR_VIEWS); two cameras each see one leg as the near leg.
 *
 * The rule is the core's own (REFERENCE.md §3, Bishop et al. 2016): real only over at least 3
 * reps, when |mean L - mean R| exceeds each side's rep-to-rep SD and the metric's floor
 * (keypoint error). One set filmed by both cameras compares the same reps pairwise; two sets
 * (one phone moved between sets, or clips that do not line up) compare the sets' means, with a
 * stronger caveat.
 */
import { symmetryIndex } from '../asymmetry/symmetry_index';
import type { MetricKey, Side } from '../types';
import type { ViewInput } from './combine_views';
import type { RepMatch } from './time_alignment';
import { FUSED_METRICS, asymmetryRule, isSided, measureOf, metricAmount, metricLabel } from './view_measures';

export type VideoRole = 'a' | 'b';

export interface CrossViewAsymmetry {
  metric: MetricKey;
  /** 'one set': the same reps from both cameras; 'two sets': each video's own reps. */
  mode: 'one set' | 'two sets';
  /** The video each leg was read from. */
  leftFrom: VideoRole;
  rightFrom: VideoRole;
  /** Per rep (paired reps for one set, each video's reps for two sets); null = not measured. */
  left: (number | null)[];
  right: (number | null)[];
  meanLeft: number | null;
  meanRight: number | null;
  worseSide: Side | null;
  symmetryIndex: number | null;
  beyondVariation: boolean;
  text: string;
  /** What a two-camera comparison cannot rule out. */
  caveat: string;
}

const MIN_REPS = 3;

function meanSd(v: number[]): { mean: number; sd: number } {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, sd };
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Asymmetries of every per-side metric both legs were measured for; [] unless one video sees each side. */
export function crossViewAsymmetries(
  a: ViewInput,
  b: ViewInput,
  near: { a: Side | null; b: Side | null },
  matches: RepMatch[] | null,
): CrossViewAsymmetry[] {
  if (!near.a || !near.b || near.a === near.b) return [];
  const leftFrom: VideoRole = near.a === 'left' ? 'a' : 'b';
  const rightFrom: VideoRole = leftFrom === 'a' ? 'b' : 'a';
  const inputs = { a, b };
  const valueOf = (role: VideoRole, repIndex: number, key: MetricKey, side: Side) => {
    const rep = inputs[role].analysis.reps.find((r) => r.index === repIndex);
    return rep ? (measureOf(inputs[role].analysis, rep, key, side)?.value ?? null) : null;
  };
  const mode = matches ? 'one set' : 'two sets';
  const caveat =
    mode === 'one set'
      ? 'Each leg is read by a different camera: a difference can also come from where each camera stood (height, distance, angle). Film both sides from the same height and distance.'
      : 'Two different sets, one side each: effort, fatigue and camera placement may differ between them, so a difference is a hint to check, not a measurement.';
  const out: CrossViewAsymmetry[] = [];
  for (const key of FUSED_METRICS) {
    const rule = asymmetryRule(key);
    if (!isSided(key) || !rule) continue;
    let left: (number | null)[];
    let right: (number | null)[];
    if (matches) {
      left = matches.map((m) => valueOf(leftFrom, leftFrom === 'a' ? m.a : m.b, key, 'left'));
      right = matches.map((m) => valueOf(rightFrom, rightFrom === 'a' ? m.a : m.b, key, 'right'));
    } else {
      left = inputs[leftFrom].analysis.reps.map((r) => valueOf(leftFrom, r.index, key, 'left'));
      right = inputs[rightFrom].analysis.reps.map((r) => valueOf(rightFrom, r.index, key, 'right'));
    }
    let pl = left.filter((v): v is number => v !== null);
    let pr = right.filter((v): v is number => v !== null);
    if (matches) {
      // Same reps: only reps measured on both legs.
      const both = left.map((l, i) => (l !== null && right[i] !== null ? i : -1)).filter((i) => i >= 0);
      pl = both.map((i) => left[i]!);
      pr = both.map((i) => right[i]!);
    }
    if (pl.length === 0 || pr.length === 0) continue;
    const L = meanSd(pl);
    const R = meanSd(pr);
    const diff = L.mean - R.mean;
    const higher: Side = diff > 0 ? 'left' : 'right';
    const worseSide: Side | null = diff === 0 ? null : rule.worse === 'higher' ? higher : higher === 'left' ? 'right' : 'left';
    const beyondVariation = pl.length >= MIN_REPS && pr.length >= MIN_REPS && Math.abs(diff) > L.sd && Math.abs(diff) > R.sd && Math.abs(diff) >= rule.floor;
    const si = symmetryIndex(L.mean, R.mean, rule.floor);
    const amount = Math.abs(diff);
    out.push({
      metric: key,
      mode,
      leftFrom,
      rightFrom,
      left,
      right,
      meanLeft: r3(L.mean),
      meanRight: r3(R.mean),
      worseSide,
      symmetryIndex: si === null ? null : r3(si),
      beyondVariation,
      text: beyondVariation
        ? `${metricLabel(key)}: the ${worseSide} side is worse by ${metricAmount(key, amount)} (left from ${inputs[leftFrom].name}, right from ${inputs[rightFrom].name}; ${pl.length} reps).`
        : `${metricLabel(key)}: left and right within their rep-to-rep variation (${pl.length} reps).`,
      caveat,
    });
  }
  return out;
}
