/**
 * Statistics for the knee evaluations: ROC AUC (Mann-Whitney), a seeded PRNG, and a bootstrap
 * over groups (runs or clips) for confidence intervals. Frames of one run are not independent,
 * so intervals resample whole runs (cluster bootstrap; Field & Welsh 2007, JRSS-B 69:369),
 * stratified by class so every resample keeps both classes.
 */

import { mulberry32 } from '../../tests/support/synthetic_squat';

/** Mann-Whitney AUC: probability a positive scores above a negative (ties count half). NaN if a side is empty. */
export function rocAuc(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  const np = pos.length, nn = neg.length;
  if (!np || !nn) return NaN;
  const all = new Float64Array(np + nn);
  const isPos = new Uint8Array(np + nn);
  for (let i = 0; i < np; i++) { all[i] = pos[i]; isPos[i] = 1; }
  for (let i = 0; i < nn; i++) all[np + i] = neg[i];
  const order = Array.from(all.keys()).sort((a, b) => all[a] - all[b]);
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && all[order[j]] === all[order[i]]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (isPos[order[k]]) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (np * (np + 1)) / 2) / (np * nn);
}

export { mulberry32 };

/** One group's scores (a run of frames, or one rep value) and whether it is a positive. */
export interface Group {
  positive: boolean;
  scores: number[];
}

function pooledAuc(groups: readonly Group[]): number {
  const pos: number[] = [], neg: number[] = [];
  for (const g of groups) for (const s of g.scores) if (Number.isFinite(s)) (g.positive ? pos : neg).push(s);
  return rocAuc(pos, neg);
}

export interface AucWithCi {
  auc: number;
  lo: number;
  hi: number;
  posGroups: number;
  negGroups: number;
}

/**
 * Pooled AUC over every score of every group, with a 95 % percentile interval from resampling
 * groups with replacement within each class (`reps` resamples, fixed seed).
 */
export function aucWithGroupBootstrap(groups: readonly Group[], reps = 2000, seed = 1): AucWithCi {
  const pos = groups.filter((g) => g.positive && g.scores.some(Number.isFinite));
  const neg = groups.filter((g) => !g.positive && g.scores.some(Number.isFinite));
  const auc = pooledAuc([...pos, ...neg]);
  const rand = mulberry32(seed);
  const draws: number[] = [];
  for (let r = 0; r < reps; r++) {
    const sample: Group[] = [];
    for (let i = 0; i < pos.length; i++) sample.push(pos[Math.floor(rand() * pos.length)]);
    for (let i = 0; i < neg.length; i++) sample.push(neg[Math.floor(rand() * neg.length)]);
    const a = pooledAuc(sample);
    if (Number.isFinite(a)) draws.push(a);
  }
  draws.sort((a, b) => a - b);
  const q = (p: number) => draws[Math.min(draws.length - 1, Math.max(0, Math.round(p * (draws.length - 1))))];
  return { auc, lo: q(0.025), hi: q(0.975), posGroups: pos.length, negGroups: neg.length };
}

export const fmtCi = (a: AucWithCi): string =>
  Number.isFinite(a.auc) ? `${a.auc.toFixed(3)} [${a.lo.toFixed(3)}, ${a.hi.toFixed(3)}]` : 'n/a';

export function median(v: ArrayLike<number>): number {
  const s = Array.from(v).filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(v: ArrayLike<number>, p: number): number {
  const s = Array.from(v).filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const x = p * (s.length - 1);
  const i = Math.floor(x);
  return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
}
