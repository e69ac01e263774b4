/**
 * The clean-up chain's pieces, each on signals whose right answer is known.
 */
import { describe, expect, it } from 'vitest';
import { fillGaps } from '../../../../src/core/filters/gap_fill';
import { OneEuroFilter } from '../../../../src/core/filters/one_euro_filter';
import { rejectSpikes } from '../../../../src/core/filters/outlier_rejection';
import { butterworthLowPass, filtfiltRun } from '../../../../src/core/filters/zero_phase_low_pass';

const sine = (n: number, fs: number, hz: number, amp = 1) => Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / fs));
const rms = (a: Float32Array, from = 0, to = a.length) => { let s = 0; for (let i = from; i < to; i++) s += a[i] * a[i]; return Math.sqrt(s / (to - from)); };

describe('zero-phase Butterworth (filtfilt)', () => {
  const fs = 60;
  const f = butterworthLowPass(6, fs);
  it('passes DC and slow movement unchanged and keeps peaks where they were', () => {
    const dc = new Float32Array(200).fill(5);
    filtfiltRun(dc, 0, 200, f);
    for (const v of dc) expect(v).toBeCloseTo(5, 4);
    const slow = sine(600, fs, 0.5, 100); // a 2 s squat cycle
    const before = slow.slice();
    filtfiltRun(slow, 0, slow.length, f);
    const peak = (a: Float32Array) => a.indexOf(Math.max(...a.slice(100, 200)));
    expect(peak(slow)).toBe(peak(before)); // zero phase: no shift
    expect(Math.abs(Math.max(...slow) - 100)).toBeLessThan(0.5);
  });
  it('halves a 6 Hz wobble (two -3 dB passes) and removes 20 Hz jitter', () => {
    const six = sine(600, fs, 6);
    filtfiltRun(six, 0, six.length, f);
    expect(rms(six, 100, 500) / (1 / Math.SQRT2)).toBeCloseTo(0.5, 1);
    const jitter = sine(600, fs, 20);
    filtfiltRun(jitter, 0, jitter.length, f);
    expect(rms(jitter, 100, 500)).toBeLessThan(0.05);
  });
});

describe('One Euro filter', () => {
  it('settles on a still keypoint and follows a fast move with little lag', () => {
    const f = new OneEuroFilter();
    let out = 0;
    for (let i = 0; i < 60; i++) out = f.apply(100 + (i % 2 ? 3 : -3), i / 30); // +-3 px jitter
    expect(Math.abs(out - 100)).toBeLessThan(2);
    // A 600 px/s move: after 0.5 s the output is within 15 % of where the keypoint is.
    for (let i = 60; i < 75; i++) out = f.apply(100 + (i - 60) * 20, i / 30);
    expect(Math.abs(out - 380) / 280).toBeLessThan(0.15);
  });
  it('ignores non-finite input', () => {
    const f = new OneEuroFilter();
    f.apply(10, 0);
    expect(f.apply(NaN, 0.03)).toBe(10);
  });
});

describe('gap fill and spike rejection', () => {
  const t = Float64Array.from({ length: 30 }, (_, i) => i / 30);
  it('bridges gaps up to 0.25 s linearly and leaves longer ones alone', () => {
    const x = Float32Array.from({ length: 30 }, (_, i) => i * 2), y = new Float32Array(30), s = new Float32Array(30).fill(0.9);
    for (const i of [5, 6, 7]) { s[i] = 0; x[i] = 999; }
    for (let i = 15; i < 25; i++) { s[i] = 0; x[i] = 999; }
    fillGaps(x, y, s, 0, 30, t);
    expect(x[6]).toBeCloseTo(12, 4);
    expect(s[6]).toBeCloseTo(0.72, 4);
    expect(s[20]).toBe(0);
  });
  it('drops one- and two-frame spikes but keeps fast real movement', () => {
    const x = Float32Array.from({ length: 30 }, (_, i) => i * 2), y = new Float32Array(30), s = new Float32Array(30).fill(0.9);
    x[10] = 200;
    x[20] = 300; x[21] = 305;
    expect(rejectSpikes(x, y, s, 0, 30, { spikePx: 50, minScore: 0.3 })).toBe(3);
    expect(s[10]).toBe(0);
    expect(s[21]).toBe(0);
    const fast = Float32Array.from({ length: 30 }, (_, i) => i * 40), s2 = new Float32Array(30).fill(0.9);
    expect(rejectSpikes(fast, new Float32Array(30), s2, 0, 30, { spikePx: 50, minScore: 0.3 })).toBe(0);
  });
});
