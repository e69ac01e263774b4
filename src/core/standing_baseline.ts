/**
 * Personal baselines from the lifter's own standing frames (REFERENCE.md §3: heel height and
 * hip height relative to the lifter's own standing posture, not fixed pixels).
 *
 * Standing = the hip-mid to ankle-mid distance is within 8 % of its 90th percentile over the
 * clip (a squat shortens it by 30 % or more). Each run of consecutive standing frames gives a
 * reference (hip height: the run's maximum; heel height: the run's median); frames between two
 * runs interpolate linearly between them, so a lifter who steps closer to the camera, or
 * shifts the feet between reps, gets a fresh baseline at the next standing moment. Frames
 * before the first run use the first run (a clip that starts at the bottom still works).
 *
 * Segment lengths (thigh, shank) are medians over standing frames, where the legs are nearly
 * parallel to the picture in every view. Foot length is 0.31 x leg length (Winter 2009
 * anthropometry: foot 0.152 H, thigh + shank 0.491 H), because the foot itself is foreshortened
 * to nothing in a front view.
 */

export const FOOT_PER_LEG = 0.152 / 0.491;
const STANDING_FRACTION = 0.92;

export interface StandingBaseline {
  /** 1 where the lifter stands (legs straight). */
  standing: Uint8Array;
  /** Count of standing frames. */
  standingCount: number;
  /** True when no frame looked like standing and the highest frames were used instead. */
  fallback: boolean;
  thighPx: number;
  shankPx: number;
  legPx: number;
  footPx: number;
}

let scratch = new Float64Array(0);

/**
 * Copies the finite values of a into the scratch buffer (grown as needed); returns their count.
 * A function of its own, not a loop inside percentile and median: V8 compiles a long loop met on
 * a first call "on stack replacement", before the code after it has ever run, and that compiled
 * loop then deoptimised at the first statement after it on every later call (node --trace-deopt:
 * some 300 deopts per analyze of an hour of video).
 */
function finiteIntoScratch(a: ArrayLike<number>): number {
  const len = a.length;
  if (scratch.length < len) scratch = new Float64Array(Math.max(len, 1024));
  const v = scratch;
  let count = 0;
  for (let i = 0; i < len; i++) { const x = a[i]; if (x === x) v[count++] = x; }
  return count;
}

/**
 * Percentile of the finite values of a, p in 0..1 (nearest rank), by quickselect on a reused
 * scratch buffer: O(n), no sort, no allocation after the first call of a given size.
 */
export function percentile(a: ArrayLike<number>, p: number): number {
  const count = finiteIntoScratch(a);
  const v = scratch;
  if (!count) return NaN;
  const k = Math.min(count - 1, Math.max(0, Math.round(p * (count - 1))));
  return quickselect(v, 0, count - 1, k);
}

/**
 * Median of the finite values of a (the mean of the two middle ones for an even count), by
 * quickselect on the same scratch buffer: O(n), for medians over an hour of standing frames.
 */
export function median(a: ArrayLike<number>): number {
  const count = finiteIntoScratch(a);
  const v = scratch;
  if (!count) return NaN;
  const k = count >> 1;
  const upper = quickselect(v, 0, count - 1, k);
  if (count % 2) return upper;
  // After the select everything left of k is <= v[k]: the lower middle is their largest.
  let lower = v[0];
  for (let i = 1; i < k; i++) if (v[i] > lower) lower = v[i];
  return (lower + upper) / 2;
}

/** k-th smallest of v[lo..hi] (in place, Hoare partition with median-of-three pivot). */
function quickselect(v: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three as pivot
    let a = v[lo], b = v[mid], c = v[hi];
    if (a > b) { const t = a; a = b; b = t; }
    if (b > c) { b = c; }
    if (a > b) { b = a; }
    const pivot = b;
    let i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) { const t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return v[k];
  }
  return v[k];
}

/**
 * hipAnkle[i] = hip-mid to ankle-mid distance in pixels (NaN when unknown).
 * thigh[i], shank[i] = segment lengths in pixels (NaN when unknown).
 */
export function standingBaseline(hipAnkle: Float32Array, thigh: Float32Array, shank: Float32Array): StandingBaseline {
  const n = hipAnkle.length;
  const standing = new Uint8Array(n);
  const top = percentile(hipAnkle, 0.9);
  let count = 0;
  if (top > 0) {
    for (let i = 0; i < n; i++) {
      if (hipAnkle[i] >= STANDING_FRACTION * top) { standing[i] = 1; count++; }
    }
  }
  const fallback = count === 0;
  const thighs = new Float32Array(count).fill(NaN), shanks = new Float32Array(count).fill(NaN);
  for (let i = 0, j = 0; i < n; i++) {
    if (!standing[i]) continue;
    thighs[j] = thigh[i];
    shanks[j++] = shank[i];
  }
  let thighPx = percentile(thighs, 0.5), shankPx = percentile(shanks, 0.5);
  // Without standing frames (or segment data), fall back on the longest-looking segments.
  if (!(thighPx > 0)) thighPx = percentile(thigh, 0.9);
  if (!(shankPx > 0)) shankPx = percentile(shank, 0.9);
  if (!(thighPx > 0) && shankPx > 0) thighPx = shankPx;
  if (!(shankPx > 0) && thighPx > 0) shankPx = thighPx;
  if (!(thighPx > 0) && top > 0) thighPx = shankPx = top / 2;
  const legPx = thighPx + shankPx;
  return { standing, standingCount: count, fallback, thighPx, shankPx, legPx, footPx: FOOT_PER_LEG * legPx };
}

/**
 * One standing run's finite values (runningStandingReference), reused from call to call: it
 * runs seven times per analysis, and a number[] grown by push per run was most of its time.
 * Not percentile's scratch, which reads from it.
 */
let runScratch = new Float64Array(0);

/**
 * A per-frame reference from standing runs: `pick` reduces each run's finite values to one
 * number; frames between runs interpolate linearly (by frame index), outside runs hold the
 * nearest run's value. NaN everywhere when no run has a finite value.
 */
export function runningStandingReference(
  value: Float32Array, standing: Uint8Array, pick: 'max' | 'median', out: Float32Array,
): void {
  const n = value.length;
  // Collect runs: [centre index, reference value].
  const centres: number[] = [];
  const refs: number[] = [];
  let i = 0;
  if (runScratch.length < n) runScratch = new Float64Array(n);
  const buf = runScratch;
  while (i < n) {
    while (i < n && !standing[i]) i++;
    const start = i;
    let count = 0;
    while (i < n && standing[i]) { if (value[i] === value[i]) buf[count++] = value[i]; i++; }
    if (count) {
      let r: number;
      if (pick === 'max') { r = -Infinity; for (let b = 0; b < count; b++) if (buf[b] > r) r = buf[b]; }
      else r = percentile(buf.subarray(0, count), 0.5);
      centres.push((start + i - 1) / 2);
      refs.push(r);
    }
  }
  if (!refs.length) { out.fill(NaN); return; }
  let k = 0;
  for (let j = 0; j < n; j++) {
    while (k < centres.length - 1 && centres[k + 1] <= j) k++;
    if (j <= centres[0]) out[j] = refs[0];
    else if (k >= centres.length - 1) out[j] = refs[refs.length - 1];
    else {
      const u = (j - centres[k]) / (centres[k + 1] - centres[k]);
      out[j] = refs[k] + (refs[k + 1] - refs[k]) * u;
    }
  }
}
