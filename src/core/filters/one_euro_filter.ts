/**
 * One Euro filter for live keypoints: a causal low-pass whose cut-off rises with speed, so
 * a still lifter is steady and a fast rep does not lag. Casiez, Roussel & Vogel, "1 Euro
 * Filter", CHI 2012; the same structure as tfjs-models pose-detection
 * src/shared/filters/one_euro_filter.ts. Works on one scalar series; state is a few numbers.
 */

export interface OneEuroFilterConfig {
  /** Cut-off at rest, Hz. Lower = steadier when still. */
  minCutoffHz: number;
  /** Speed coefficient (per unit of the signal per second); higher = less lag when moving. */
  beta: number;
  /** Cut-off for the speed estimate, Hz. */
  derivateCutoffHz: number;
}

/** Tuned for pixel coordinates at phone resolution (Casiez et al. suggest tuning minCutoff first, then beta). */
export const DEFAULT_ONE_EURO: OneEuroFilterConfig = { minCutoffHz: 1.0, beta: 0.02, derivateCutoffHz: 1.0 };

const smoothingFactor = (dtS: number, cutoffHz: number) => {
  const r = 2 * Math.PI * cutoffHz * dtS;
  return r / (r + 1);
};

export class OneEuroFilter {
  private x = NaN;
  private dx = 0;
  private lastT = NaN;

  constructor(private readonly cfg: OneEuroFilterConfig = DEFAULT_ONE_EURO) {}

  reset(): void {
    this.x = NaN;
    this.dx = 0;
    this.lastT = NaN;
  }

  /** Filters value at time tS (seconds). Non-finite input returns the last output (or NaN). */
  apply(value: number, tS: number): number {
    if (!Number.isFinite(value)) return this.x;
    if (!Number.isFinite(this.x) || !(tS > this.lastT)) {
      if (!Number.isFinite(this.x)) this.x = value;
      this.lastT = tS;
      return this.x;
    }
    const dt = tS - this.lastT;
    this.lastT = tS;
    const rawDx = (value - this.x) / dt;
    this.dx += smoothingFactor(dt, this.cfg.derivateCutoffHz) * (rawDx - this.dx);
    const cutoff = this.cfg.minCutoffHz + this.cfg.beta * Math.abs(this.dx);
    this.x += smoothingFactor(dt, cutoff) * (value - this.x);
    return this.x;
  }
}

/** Runs a fresh One Euro filter over one series in place (valid samples only). */
export function oneEuroSeries(
  data: Float32Array, score: Float32Array, off: number, n: number, t: Float64Array, minScore: number,
  cfg: OneEuroFilterConfig = DEFAULT_ONE_EURO,
): void {
  const f = new OneEuroFilter(cfg);
  for (let i = 0; i < n; i++) {
    if (score[off + i] < minScore) continue;
    data[off + i] = f.apply(data[off + i], t[i]);
  }
}
