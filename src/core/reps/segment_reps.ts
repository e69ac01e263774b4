/**
 * Rep segmentation from the hip-height trajectory.
 *
 * Input: per-frame time (s) and hip height relative to the lifter's own standing hip height
 * (1 = standing, lower = deeper; null where the hip or ankles were not seen), as
 * computeFrameMetrics returns it.
 *
 * Method: a two-threshold state machine (hysteresis), the robust form of the prominence
 * rule OpenCap uses for squats (a valley counts when it is at least 0.7 x the trajectory's
 * range below its neighbouring peaks, peaks at least 0.5 s apart; Uhlrich et al. 2023,
 * OpenCap `utilsKinematics.segment_squats`). A frame enters the "squat zone" below
 * `top - enterFraction x range` and a rep closes when the hip is back above
 * `top - exitFraction x range`: noise smaller than the gap between the two thresholds can
 * never count as a rep. Events are then refined on the raw trajectory:
 *   start       last frame before the bottom still within `eventTolerance` of the standing level
 *   bottom      first frame within `eventTolerance` of the rep's lowest hip height
 *   ascentStart last frame within `eventTolerance` of the lowest hip height (end of the hold)
 *   end         first frame after ascentStart back within `eventTolerance` of the standing level
 *
 * Survives: a clip that starts at the bottom or mid-rep and a clip that ends inside a rep
 * (hand over the lens): such reps are kept and marked `partial`; gaps of missing frames
 * longer than `maxGapS` (walking out of frame) split the trajectory, and a rep open at a
 * gap is closed as partial there.
 */

export interface SegmentRepsOptions {
  /**
   * Minimum hip drop, as a fraction of standing hip height, for a movement to count as a rep.
   * 0.1 of standing hip height is what a quarter squat already reaches (about 50 deg of knee
   * flexion with thigh and shin of equal length: hip height = (cos 25 + cos 25) / 2 = 0.91);
   * Schoenfeld 2010 (J Strength Cond Res 24:3497) calls ~40 deg of knee flexion a partial
   * squat. Anything shallower is a bob, a weight shift or keypoint noise (BlazePose hip
   * keypoint jitter is a few % of leg length), not a squat.
   */
  minDrop?: number;
  /** Squat-zone threshold as a fraction of the trajectory's range below the standing level. */
  enterFraction?: number;
  /** Back-to-standing threshold as a fraction of the range below the standing level (hysteresis). */
  exitFraction?: number;
  /** Bottoms closer than this are one rep (OpenCap: peaks at least 0.5 s apart). */
  minRepS?: number;
  /** A run of missing frames longer than this splits the trajectory (person left the frame). */
  maxGapS?: number;
  /** Absolute tolerance (standing-height fraction) used to place events on the plateau edges. */
  eventTolerance?: number;
}

export const SEGMENT_REPS_DEFAULTS: Required<SegmentRepsOptions> = {
  minDrop: 0.1,
  // OpenCap's 0.7 x range prominence, relaxed to 0.5 so a set whose depth varies by rep
  // still counts its shallower reps; the exit threshold gives the hysteresis.
  enterFraction: 0.5,
  exitFraction: 0.25,
  minRepS: 0.5,
  maxGapS: 0.5,
  eventTolerance: 0.0002,
};

/** Frame indices of a rep's events. */
export interface RepEventIndices {
  start: number;
  bottom: number;
  ascentStart: number;
  end: number;
  /** Clip (or a visible stretch) starts or ends inside the rep; some events are estimated. */
  partial: boolean;
  /** The rep was already under way when the visible stretch began. */
  partialStart: boolean;
  /** The visible stretch ended before the lifter stood back up. */
  partialEnd: boolean;
  /** Hip height at the bottom (1 = standing). */
  bottomHipHeight: number;
  /** Standing hip height before the rep (the reference for the start event). */
  topHipHeight: number;
}

export interface SegmentRepsResult {
  reps: RepEventIndices[];
  /** Robust standing level used (hip-height units). */
  standingLevel: number;
  /** Trajectory range used for the thresholds. */
  range: number;
  /** Estimated noise SD of the hip-height signal (the larger of frame-to-frame and plateau wobble). */
  noise: number;
}

/** Value at quantile q (0..1) of the finite values, or NaN when there are none. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = Math.min(sorted.length - 1, Math.max(0, q * (sorted.length - 1)));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Noise SD of a smooth signal from its second differences: for white noise of SD s the
 * second difference has SD s x sqrt(6). The lower quartile of |second difference| / 0.3186
 * (the quartile of a half-normal) estimates that SD from the quietest quarter of the clip,
 * so the squat's own curvature (which dominates the median in a set with short pauses) does
 * not pass for noise.
 */
function estimateNoise(h: Float64Array, valid: Uint8Array, stride = 1): number {
  const d = new Float64Array(Math.max(0, Math.ceil((h.length - 2) / stride)));
  let k = 0;
  for (let i = 1; i + 1 < h.length; i += stride) {
    if (valid[i - 1] && valid[i] && valid[i + 1]) d[k++] = Math.abs(h[i - 1] - 2 * h[i] + h[i + 1]);
  }
  if (k === 0) return 0;
  const sorted = d.subarray(0, k).sort();
  return quantile(sorted, 0.25) / 0.3186 / Math.sqrt(6);
}

/** Robust SD (MAD x 1.4826) of the sorted values inside [lo, hi]; 0 with fewer than 10. */
function plateauSd(sorted: Float64Array, lo: number, hi: number): number {
  let a = 0;
  while (a < sorted.length && sorted[a] < lo) a++;
  let b = sorted.length - 1;
  while (b >= 0 && sorted[b] > hi) b--;
  if (b - a + 1 < 10) return 0;
  const part = sorted.subarray(a, b + 1);
  const med = quantile(part, 0.5);
  const dev = Float64Array.from(part, (x) => Math.abs(x - med)).sort();
  return 1.4826 * quantile(dev, 0.5);
}

/** Segment squat reps from a hip-height trajectory. */
export function segmentReps(
  t: ArrayLike<number>,
  hipHeight: ArrayLike<number | null>,
  options: SegmentRepsOptions = {},
): SegmentRepsResult {
  const o = { ...SEGMENT_REPS_DEFAULTS, ...options };
  const n = Math.min(t.length, hipHeight.length);
  const h = new Float64Array(n);
  const valid = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = hipHeight[i];
    const ti = t[i];
    if (typeof v === 'number' && Number.isFinite(v) && Number.isFinite(ti)) {
      h[i] = v;
      valid[i] = 1;
      count++;
    }
  }
  const empty: SegmentRepsResult = { reps: [], standingLevel: 1, range: 0, noise: 0 };
  if (count < 3) return empty;

  // Quantiles from at most ~40,000 evenly strided frames: as accurate as the full hour
  // (216,000 frames at 60 fps) for a 2nd/95th percentile, at a fraction of the sort.
  const stride = Math.max(1, Math.floor(count / 40000));
  const buf = new Float64Array(Math.ceil(count / stride));
  let nv = 0;
  for (let i = 0, k = 0; i < n; i++) if (valid[i] && k++ % stride === 0) buf[nv++] = h[i];
  const values = buf.subarray(0, nv).sort();
  // Robust standing level and floor: high and low quantiles ignore stray frames.
  const standingLevel = quantile(values, 0.95);
  const floor = quantile(values, 0.02);
  const range = standingLevel - floor;
  const noise = estimateNoise(h, valid, stride);
  const result: SegmentRepsResult = { reps: [], standingLevel, range, noise };
  if (!(range >= o.minDrop)) return result;

  const enterT = standingLevel - Math.max(o.minDrop, o.enterFraction * range);
  const exitT = standingLevel - Math.max(o.minDrop / 2, o.exitFraction * range);
  // A low-passed signal's noise is smooth, which second differences barely see: also measure
  // the wobble of the standing plateau itself (robust SD of the frames near the standing level).
  const standingSd = plateauSd(values, standingLevel - 0.1 * range, standingLevel + 0.1 * range);
  const tol = Math.max(o.eventTolerance, 3 * noise, 3 * standingSd);
  result.noise = Math.max(noise, standingSd);

  // Pass 1: visible stretches (runs of valid frames, short gaps bridged).
  const stretches: [number, number][] = [];
  let s = -1;
  let lastValid = -1;
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    if (s < 0) s = i;
    else if (t[i] - t[lastValid] > o.maxGapS) {
      stretches.push([s, lastValid]);
      s = i;
    }
    lastValid = i;
  }
  if (s >= 0) stretches.push([s, lastValid]);

  // Pass 2: hysteresis windows inside each stretch: [first frame below exitT before entering
  // the squat zone, last frame below exitT before leaving].
  interface Window {
    from: number;
    to: number;
    openStart: boolean;
    openEnd: boolean;
  }
  const windows: Window[] = [];
  for (const [a, b] of stretches) {
    let inSquat = false;
    let below = -1; // first valid frame of the current run below exitT
    let startedOpen = false;
    for (let i = a; i <= b; i++) {
      if (!valid[i]) continue;
      const v = h[i];
      if (v < exitT) {
        if (below < 0) {
          below = i;
          startedOpen = i === a; // the stretch begins already below the standing band
        }
        if (v < enterT) inSquat = true;
      } else if (below >= 0) {
        if (inSquat) windows.push({ from: below, to: i, openStart: startedOpen, openEnd: false });
        inSquat = false;
        below = -1;
      }
    }
    if (below >= 0 && inSquat) windows.push({ from: below, to: b, openStart: startedOpen, openEnd: true });
  }

  // The standing level next to a rep: the 90th percentile of the standing-band frames
  // between two reps (robust to noise, still the plateau when the lifter stands only briefly).
  const regionTop = (from: number, to: number): number => {
    const vals: number[] = [];
    for (let i = from; i <= to; i++) if (valid[i] && h[i] >= exitT) vals.push(h[i]);
    if (vals.length === 0) return NaN;
    return quantile(Float64Array.from(vals).sort(), 0.9);
  };

  // Pass 3: events per window.
  for (let w = 0; w < windows.length; w++) {
    const win = windows[w];
    let bottomIdx = win.from;
    let minV = Infinity;
    for (let i = win.from; i <= win.to; i++) if (valid[i] && h[i] < minV) {
      minV = h[i];
      bottomIdx = i;
    }
    // Local standing levels: the highest hip height between the previous window (or the
    // stretch start) and this one, and between this one and the next.
    const prevTo = w > 0 ? windows[w - 1].to : 0;
    const nextFrom = w + 1 < windows.length ? windows[w + 1].from : n - 1;
    let topBefore = win.openStart ? standingLevel : regionTop(prevTo, win.from);
    let topAfter = win.openEnd ? standingLevel : regionTop(win.to, nextFrom);
    if (!Number.isFinite(topBefore)) topBefore = standingLevel;
    if (!Number.isFinite(topAfter)) topAfter = standingLevel;

    // start: walk back from the bottom while the hip is still below the standing plateau.
    let start = bottomIdx;
    if (win.openStart) {
      start = win.from;
    } else {
      for (let i = bottomIdx; i >= prevTo; i--) {
        if (!valid[i]) continue;
        start = i;
        if (h[i] >= topBefore - tol) break;
      }
    }
    // bottom plateau: first and last frames within tolerance of the minimum. A zero-phase
    // low-pass rings by ~0.1 % of the excursion on a flat hold, so the plateau tolerance is
    // at least 0.5 % of this rep's excursion (else the ripple splits the hold).
    const plateauTol = Math.max(tol, 0.005 * (topBefore - minV));
    let bottom = bottomIdx;
    for (let i = bottomIdx; i >= start; i--) {
      if (!valid[i]) continue;
      if (h[i] <= minV + plateauTol) bottom = i;
      else break;
    }
    let ascentStart = bottomIdx;
    for (let i = bottomIdx; i <= win.to; i++) {
      if (!valid[i]) continue;
      if (h[i] <= minV + plateauTol) ascentStart = i;
      else break;
    }
    // end: walk forward from the end of the hold until back on the standing plateau.
    let end = ascentStart;
    if (win.openEnd) {
      end = win.to;
    } else {
      for (let i = ascentStart; i <= nextFrom; i++) {
        if (!valid[i]) continue;
        end = i;
        if (h[i] >= topAfter - tol) break;
      }
    }
    result.reps.push({
      start,
      bottom,
      ascentStart,
      end,
      partial: win.openStart || win.openEnd,
      partialStart: win.openStart,
      partialEnd: win.openEnd,
      bottomHipHeight: minV,
      topHipHeight: topBefore,
    });
  }

  // OpenCap's 0.5 s minimum spacing: a complete "rep" faster than that is a glitch, and two
  // bottoms closer than that are one rep.
  const merged: RepEventIndices[] = [];
  for (const r of result.reps) {
    const prev = merged[merged.length - 1];
    if (prev && t[r.bottom] - t[prev.bottom] < o.minRepS) {
      if (r.bottomHipHeight < prev.bottomHipHeight) {
        prev.bottom = r.bottom;
        prev.ascentStart = r.ascentStart;
        prev.bottomHipHeight = r.bottomHipHeight;
      }
      prev.end = r.end;
      prev.partial = prev.partial || r.partial;
      prev.partialEnd = r.partialEnd;
      continue;
    }
    // Too short to be a squat; for a partial rep, too little of it was seen to say anything
    // (e.g. the last frames before a hand covers the lens).
    if (t[r.end] - t[r.start] < o.minRepS) continue;
    merged.push(r);
  }
  result.reps = merged;
  return result;
}
