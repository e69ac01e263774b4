/**
 * Zero-phase low-pass filter for recorded video: a 2nd-order Butterworth run forwards then
 * backwards (filtfilt), so peaks are smoothed without being shifted in time: rep bottoms and
 * peak angles stay where they happened. Cut-off about 6 Hz, as commonly used for human
 * movement kinematics (Winter 2009, ch. 3; Sports2D's default Butterworth is 4th order 6 Hz
 * after the two passes). Coefficients: bilinear transform with pre-warping (RBJ Audio EQ
 * Cookbook low-pass with Q = 1/sqrt(2)). Written here rather than pulled from `fili` because
 * it is a dozen lines and works on Float32Array runs in place without allocation.
 */

export interface Biquad {
  b0: number; b1: number; b2: number; a1: number; a2: number;
}

/** Butterworth 2nd-order low-pass at cutoffHz for sample rate fs. */
export function butterworthLowPass(cutoffHz: number, fs: number): Biquad {
  const w0 = (2 * Math.PI * cutoffHz) / fs;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * Math.SQRT1_2);
  const a0 = 1 + alpha;
  return {
    b0: (1 - cos) / 2 / a0,
    b1: (1 - cos) / a0,
    b2: (1 - cos) / 2 / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** Cut-off actually usable at this frame rate: at most 40 % of the Nyquist-limited rate. */
export function usableCutoffHz(wantedHz: number, fs: number): number {
  return Math.min(wantedHz, 0.4 * fs);
}

const PAD = 12;
const scratch = { buf: new Float64Array(0) };

/**
 * Filters data[from .. to) in place, forwards and backwards, with odd-reflection padding at
 * both ends (as scipy's filtfilt) so the ends do not droop toward zero.
 */
export function filtfiltRun(data: Float32Array, from: number, to: number, f: Biquad): void {
  const len = to - from;
  if (len < 3) return;
  const pad = Math.min(PAD, len - 1);
  const total = len + 2 * pad;
  if (scratch.buf.length < total) scratch.buf = new Float64Array(total * 2);
  const b = scratch.buf;
  const first = data[from], last = data[to - 1];
  for (let i = 0; i < pad; i++) b[i] = 2 * first - data[from + pad - i];
  for (let i = 0; i < len; i++) b[pad + i] = data[from + i];
  for (let i = 0; i < pad; i++) b[pad + len + i] = 2 * last - data[to - 2 - i];
  pass(b, 0, total, 1, f);
  pass(b, total - 1, -1, -1, f);
  for (let i = 0; i < len; i++) data[from + i] = b[pad + i];
}

function pass(b: Float64Array, start: number, end: number, step: number, f: Biquad): void {
  // Start in steady state at the first sample (no step response at the edge).
  let x1 = b[start], x2 = b[start], y1 = b[start], y2 = b[start];
  for (let i = start; i !== end; i += step) {
    const x0 = b[i];
    const y0 = f.b0 * x0 + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1; x1 = x0; y2 = y1; y1 = y0;
    b[i] = y0;
  }
}

/**
 * Filters one keypoint series where it is valid (score >= minScore): each contiguous valid
 * run separately, so nothing is smeared across a gap.
 */
export function lowPassSeries(
  x: Float32Array, y: Float32Array, score: Float32Array, off: number, n: number, f: Biquad, minScore: number,
): void {
  let i = 0;
  while (i < n) {
    while (i < n && !(score[off + i] >= minScore)) i++;
    const start = i;
    while (i < n && score[off + i] >= minScore) i++;
    if (i - start >= 3) {
      filtfiltRun(x, off + start, off + i, f);
      filtfiltRun(y, off + start, off + i, f);
    }
  }
}
