/**
 * Fatigue: does a fault grow over the set? Spearman's rank correlation between rep number
 * and the rep's peak, tested one-sided at alpha = 0.05 against the exact critical values
 * (Zar 1972, J Am Stat Assoc 67:578, table of critical values of r_s; for n > 20 the normal
 * approximation r_s = 1.645 / sqrt(n - 1)). A rank test because the growth need not be
 * linear and one odd rep should not decide it. Needs at least 4 reps (with 4 reps only a
 * perfectly monotone rise is significant).
 */

/** One-sided alpha = 0.05 critical values of Spearman's r_s, by n (Zar 1972). */
const SPEARMAN_CRITICAL_05: Record<number, number> = {
  4: 1.0,
  5: 0.9,
  6: 0.829,
  7: 0.714,
  8: 0.643,
  9: 0.6,
  10: 0.564,
  11: 0.536,
  12: 0.503,
  13: 0.484,
  14: 0.464,
  15: 0.446,
  16: 0.429,
  17: 0.414,
  18: 0.401,
  19: 0.391,
  20: 0.38,
};

export function spearmanCritical(n: number): number | null {
  if (n < 4) return null;
  if (n <= 20) return SPEARMAN_CRITICAL_05[n];
  return 1.645 / Math.sqrt(n - 1);
}

/** Average ranks (ties share their mean rank). */
function ranks(v: readonly number[]): number[] {
  const idx = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation of x and y (Pearson on ranks, handles ties). */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  const rx = ranks(x.slice(0, n));
  const ry = ranks(y.slice(0, n));
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export interface Trend {
  rho: number;
  critical: number;
  /** Rep indices and values used. */
  reps: number[];
  values: number[];
  first: number;
  last: number;
  growing: boolean;
}

/**
 * Whether per-rep values grow (direction 'up') or shrink ('down') over the set.
 * `minChange`: the least-squares change from first to last rep must also reach this, in the
 * metric's unit, so a significant but tiny drift (0.5 deg) is not called fatigue.
 */
export function detectTrend(
  perRep: readonly (number | null)[],
  direction: 'up' | 'down',
  minChange: number,
): Trend | null {
  const reps: number[] = [];
  const values: number[] = [];
  perRep.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) {
      reps.push(i);
      values.push(direction === 'up' ? v : -v);
    }
  });
  const critical = spearmanCritical(values.length);
  if (critical === null) return null;
  const rho = spearman(reps, values);
  if (rho === null) return null;
  // Least-squares slope x span = fitted change over the set.
  const n = reps.length;
  const mx = reps.reduce((a, b) => a + b, 0) / n;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (reps[i] - mx) * (values[i] - my);
    sxx += (reps[i] - mx) ** 2;
  }
  const change = sxx > 0 ? (sxy / sxx) * (reps[n - 1] - reps[0]) : 0;
  const sign = direction === 'up' ? 1 : -1;
  return {
    rho,
    critical,
    reps,
    values: values.map((v) => sign * v),
    first: sign * values[0],
    last: sign * values[n - 1],
    growing: rho >= critical && change >= minChange,
  };
}
