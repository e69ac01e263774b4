/**
 * Correlation of two sampled signals at every lag, with gaps and partial overlap.
 *
 * Two videos of one set rarely start or stop together, so at a lag only part of each signal
 * overlaps the other. At each lag this is the Pearson correlation (normalised
 * cross-correlation) of the overlapping samples where both are valid: it ignores each camera's
 * own scale and offset of the signal.
 *
 * All lags at once via the FFT (fft.js): each windowed sum is a cross-correlation of the signal,
 * its square or the validity mask with the other's, O(n log n) for any clip length.
 *
 * Lag convention: lag k pairs b[j] with a[j + k].
 */
import FFT from 'fft.js';

export interface LagCorrelation {
  /** Smallest lag (samples): -(nb - 1). */
  minLag: number;
  /** Pearson r per lag, index = lag - minLag; NaN where undefined or the overlap is below minOverlap. */
  r: Float64Array;
  /** Valid overlapping samples per lag. */
  count: Float64Array;
}

function nextPow2(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

/** xcorr(u, v)[k] = sum_j u[j + k] v[j], for k = -(nv - 1) .. nu - 1, index k + nv - 1. */
function crossCorrelate(fft: FFT, U: number[], v: Float64Array, nu: number, scratch: { V: number[]; R: number[]; in: number[] }): Float64Array {
  const size = fft.size;
  const inp = scratch.in;
  for (let i = 0; i < size; i++) inp[i] = i < v.length ? v[i] : 0;
  fft.realTransform(scratch.V, inp);
  fft.completeSpectrum(scratch.V);
  const V = scratch.V;
  // U * conj(V), in place in V.
  for (let i = 0; i < size; i++) {
    const ur = U[2 * i], ui = U[2 * i + 1];
    const vr = V[2 * i], vi = V[2 * i + 1];
    V[2 * i] = ur * vr + ui * vi;
    V[2 * i + 1] = ui * vr - ur * vi;
  }
  fft.inverseTransform(scratch.R, V);
  const nv = v.length;
  const out = new Float64Array(nu + nv - 1);
  for (let k = -(nv - 1); k <= nu - 1; k++) out[k + nv - 1] = scratch.R[2 * (((k % size) + size) % size)];
  return out;
}

function spectrum(fft: FFT, u: Float64Array): number[] {
  const inp = new Array<number>(fft.size).fill(0);
  for (let i = 0; i < u.length; i++) inp[i] = u[i];
  const out = fft.createComplexArray() as number[];
  fft.realTransform(out, inp);
  fft.completeSpectrum(out);
  return out;
}

/** Centres a signal on its own valid mean; returns values (0 where missing), squares and mask. */
function prepare(x: Float64Array): { v: Float64Array; v2: Float64Array; m: Float64Array; total: number; valid: number } {
  let sum = 0;
  let valid = 0;
  for (const value of x) if (Number.isFinite(value)) {
    sum += value;
    valid++;
  }
  const mean = valid ? sum / valid : 0;
  const v = new Float64Array(x.length);
  const v2 = new Float64Array(x.length);
  const m = new Float64Array(x.length);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    const d = x[i] - mean;
    v[i] = d;
    v2[i] = d * d;
    m[i] = 1;
    total += d * d;
  }
  return { v, v2, m, total, valid };
}

/** See file comment. `minOverlap`: fewest valid overlapping samples for a lag to count. */
export function lagCorrelation(a: Float64Array, b: Float64Array, minOverlap: number): LagCorrelation {
  const na = a.length;
  const nb = b.length;
  const lags = na + nb - 1;
  const r = new Float64Array(lags).fill(NaN);
  const count = new Float64Array(lags);
  const result = { minLag: -(nb - 1), r, count };
  if (na < 2 || nb < 2) return result;
  const A = prepare(a);
  const B = prepare(b);
  if (!(A.total > 0) || !(B.total > 0)) return result;

  const fft = new FFT(nextPow2(na + nb));
  const scratch = { V: fft.createComplexArray() as number[], R: fft.createComplexArray() as number[], in: new Array<number>(fft.size).fill(0) };
  const SA = spectrum(fft, A.v);
  const SA2 = spectrum(fft, A.v2);
  const SM = spectrum(fft, A.m);
  const sMM = crossCorrelate(fft, SM, B.m, na, scratch);
  const sA = crossCorrelate(fft, SA, B.m, na, scratch);
  const sAA = crossCorrelate(fft, SA2, B.m, na, scratch);
  const sB = crossCorrelate(fft, SM, B.v, na, scratch);
  const sBB = crossCorrelate(fft, SM, B.v2, na, scratch);
  const sAB = crossCorrelate(fft, SA, B.v, na, scratch);

  for (let i = 0; i < lags; i++) {
    // FFT round-off leaves ~1e-12 where a count is an exact integer.
    const n = Math.round(sMM[i]);
    count[i] = n;
    if (n < Math.max(2, minOverlap)) continue;
    const varA = sAA[i] - (sA[i] * sA[i]) / n;
    const varB = sBB[i] - (sB[i] * sB[i]) / n;
    if (!(varA > 1e-12 * A.total) || !(varB > 1e-12 * B.total)) continue;
    r[i] = (sAB[i] - (sA[i] * sB[i]) / n) / Math.sqrt(varA * varB);
  }
  return result;
}

/** The same Pearson r at a single lag, by direct summation (fine lags around a coarse peak, a nudged offset). */
export function pearsonAtLag(a: Float64Array, b: Float64Array, lag: number, minOverlap: number): number {
  let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  const from = Math.max(0, -lag);
  const to = Math.min(b.length, a.length - lag);
  for (let j = from; j < to; j++) {
    const x = a[j + lag];
    const y = b[j];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  if (n < Math.max(3, minOverlap)) return NaN;
  const varA = saa - (sa * sa) / n;
  const varB = sbb - (sb * sb) / n;
  if (!(varA > 1e-12 * saa) || !(varB > 1e-12 * sbb)) return NaN;
  return (sab - (sa * sb) / n) / Math.sqrt(varA * varB);
}
