/**
 * Automatic time alignment of two videos of the same set, from the motion itself.
 *
 * Kinovea syncs two videos by hand; OpenCap needs its own recording app to start the phones
 * together (../shared/REFERENCE.md §4). Here the offset is found from what both cameras saw:
 *   1. each track becomes view-robust motion signals (motion_signals.ts: vertical positions,
 *      left/right folded into mean and spread);
 *   2. both are resampled to one clock (COARSE_HZ), whatever each video's frame rate, and every
 *      possible offset is scored at once: the Pearson r of the overlapping parts (lag_correlation.ts),
 *      averaged over the signals, weighed as EVIDENCE = overlap seconds x -1/2 ln(1 - r^2).
 *      -1/2 ln(1 - r^2) is the information (nats) one sample of a signal carries about another
 *      correlated with it at r (bivariate normal mutual information, Cover & Thomas, Elements of
 *      Information Theory, 2nd ed., eq. 8.56), so evidence grows with how long AND how well the
 *      two clips agree: a few seconds of a chance match cannot beat the whole set matching, and a
 *      loose match over more seconds cannot beat a close one over the true overlap;
 *   3. the best coarse offset is refined on a fine clock (2x the faster video's frame rate, at
 *      least 120 Hz) and interpolated between samples with a parabola through the peak and its
 *      two neighbours (the standard sub-sample peak estimate; e.g. Jacobsen & Kootsookos 2007,
 *      IEEE Signal Processing Magazine 24(3)), so the offset is finer than a frame;
 *   4. the confidence compares the peak with the best evidence at any other offset (outside the
 *      peak's own lobe): a regular set of look-alike reps also matches one rep further on, and
 *      the user must be told when the two are hard to tell apart.
 *
 * One clip may start or end earlier than the other: only offsets where the overlap is at least
 * MIN_OVERLAP_FRACTION of the shorter clip (and MIN_OVERLAP_S) are considered. A constant offset
 * is assumed (phone clocks drift by parts per million: far below a frame over a set).
 *
 * Convention: offsetS is the time on A's clock at which B's clock reads 0, so a moment filmed by
 * both is at tA = tB + offsetS. Positive: B started later than A.
 */
import type { PoseTrack, Rep } from '../types';
import { lagCorrelation, pearsonAtLag } from './lag_correlation';
import { MOTION_SIGNAL_NAMES, motionSignals, resample, type MotionSignals } from './motion_signals';

/** Grid of the search over every offset: 50 ms, fine enough to land inside the peak's lobe of 6 Hz-limited motion. */
export const COARSE_HZ = 20;
/** Shortest overlap considered, as a share of the shorter clip: less and a chance match of a few seconds could win. */
export const MIN_OVERLAP_FRACTION = 0.5;
export const MIN_OVERLAP_S = 1;
/**
 * A signal takes part only where it moves: a range (5th to 95th percentile) of at least 0.1
 * torso lengths in both clips, about twice BlazePose's keypoint jitter (a few % of leg length,
 * segment_reps.ts), so a still arm adds no noise to the score.
 */
export const MIN_SIGNAL_RANGE = 0.1;
/** Largest gap between two valid frames bridged when resampling (a few dropped frames, not an occlusion). */
const MAX_GAP_S = 0.25;
/** Mean r at or above which the match itself is called clean (r^2 = 0.64 of one video's motion explained by the other's). */
const R_FOR_FULL_CONFIDENCE = 0.8;
/** Runner-up evidence at or above (1 - AMBIGUITY_MARGIN) x the peak's = no confidence in the choice. */
const AMBIGUITY_MARGIN = 0.3;
/** r is capped here before -1/2 ln(1 - r^2), which is infinite at r = 1 (10 nats per sample at most). */
const MAX_R = 1 - 1e-9;
/** Below this confidence the UI asks the user to check the offset and offers a frame-by-frame nudge. */
export const LOW_CONFIDENCE = 0.5;

export interface AlignmentCandidate {
  offsetS: number;
  /** Mean r over the signals at that offset. */
  match: number;
  /** Overlap seconds x information per sample (see file comment), nats x s. */
  evidence: number;
}

export interface TimeAlignment {
  /** tA = tB + offsetS (see file comment). */
  offsetS: number;
  /** The offset in frames of each video (offsetS x fps). */
  offsetFrames: { a: number; b: number };
  /** 0..1: how well the motion matches x how clearly it beats the runner-up. A heuristic scale, not a probability. */
  confidence: number;
  /** Mean Pearson r over the signals at the offset, -1..1 (NaN when nothing could be matched). */
  match: number;
  /** Overlap seconds x information per sample at the offset. */
  evidence: number;
  /** Best other offset outside the peak's lobe, if any. */
  runnerUp: AlignmentCandidate | null;
  /** Seconds both videos cover at this offset. */
  overlapS: number;
  /** Signals that took part (MOTION_SIGNAL_NAMES). */
  signals: string[];
  /** 'motion' when found here; 'manual' once the user has nudged it; 'none' when nothing could be matched. */
  method: 'motion' | 'manual' | 'none';
  /** Why the confidence is low, in words a lifter understands; null when it is not. */
  reason: string | null;
}

interface Clip {
  signals: MotionSignals;
  t0: number;
  t1: number;
  fps: number;
}

function clipOf(signals: MotionSignals): Clip {
  const t = signals.t;
  let t0 = Infinity, t1 = -Infinity;
  for (const v of t) if (Number.isFinite(v)) {
    t0 = Math.min(t0, v);
    t1 = Math.max(t1, v);
  }
  return { signals, t0: Number.isFinite(t0) ? t0 : 0, t1: Number.isFinite(t1) ? t1 : 0, fps: signals.fps };
}

function percentileRange(v: Float32Array): number {
  const s = Array.from(v).filter(Number.isFinite).sort((x, y) => x - y);
  if (s.length < 4) return 0;
  return s[Math.floor(0.95 * (s.length - 1))] - s[Math.floor(0.05 * (s.length - 1))];
}

/** Signals moving in both clips. */
function usableSignals(a: Clip, b: Clip): string[] {
  return MOTION_SIGNAL_NAMES.filter(
    (name) => percentileRange(a.signals.values[name]) >= MIN_SIGNAL_RANGE && percentileRange(b.signals.values[name]) >= MIN_SIGNAL_RANGE,
  );
}

function grid(clip: Clip, name: string, rate: number): Float64Array {
  const count = Math.max(0, Math.floor((clip.t1 - clip.t0) * rate + 1e-9) + 1);
  return resample(clip.signals.t, clip.signals.values[name], clip.t0, rate, count, MAX_GAP_S);
}

function minOverlapS(a: Clip, b: Clip): number {
  const shorter = Math.min(a.t1 - a.t0, b.t1 - b.t0);
  return Math.min(shorter, Math.max(MIN_OVERLAP_S, MIN_OVERLAP_FRACTION * shorter));
}

function overlapAt(a: Clip, b: Clip, offsetS: number): number {
  return Math.max(0, Math.min(a.t1, b.t1 + offsetS) - Math.max(a.t0, b.t0 + offsetS));
}

/** Information per sample of a correlation r, nats (0 for r <= 0). */
function information(r: number): number {
  if (!(r > 0)) return 0;
  const c = Math.min(MAX_R, r);
  return -0.5 * Math.log(1 - c * c);
}

/**
 * Mean r and mean information per sample over the signals at one offset, on a clock of `rate`
 * Hz (NaN when the clips overlap too little).
 */
function matchAt(a: Clip, b: Clip, names: string[], offsetS: number, rate: number, grids?: Map<string, [Float64Array, Float64Array]>): { r: number; info: number } {
  if (names.length === 0 || overlapAt(a, b, offsetS) < minOverlapS(a, b) - 1e-9) return { r: NaN, info: NaN };
  // Grid sample j of B sits at tB0 + j/rate = tA0 + (j + lag)/rate on A's clock.
  const lag = Math.round((offsetS + b.t0 - a.t0) * rate);
  let sum = 0;
  let info = 0;
  for (const name of names) {
    const pair = grids?.get(name) ?? [grid(a, name, rate), grid(b, name, rate)];
    const r = pearsonAtLag(pair[0], pair[1], lag, 3);
    if (Number.isFinite(r)) {
      sum += r;
      info += information(r);
    }
  }
  return { r: sum / names.length, info: info / names.length };
}

/** Match and evidence of a chosen offset (e.g. after a manual nudge), on the fine clock. */
export function alignmentAt(a: MotionSignals, b: MotionSignals, offsetS: number): AlignmentCandidate {
  const ca = clipOf(a);
  const cb = clipOf(b);
  const m = matchAt(ca, cb, usableSignals(ca, cb), offsetS, fineRate(ca, cb));
  return { offsetS, match: m.r, evidence: overlapAt(ca, cb, offsetS) * m.info };
}

function fineRate(a: Clip, b: Clip): number {
  return Math.max(120, 2 * Math.max(a.fps, b.fps));
}

/** Vertex of the parabola through (-1, l), (0, c), (1, r): offset in samples, within +-0.5. */
export function parabolicPeak(l: number, c: number, r: number): number {
  const den = l - 2 * c + r;
  if (!Number.isFinite(den) || den >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / den));
}

function confidenceOf(match: number, evidence: number, runnerUp: number | null): number {
  if (!(match > 0) || !(evidence > 0)) return 0;
  const height = Math.min(1, match / R_FOR_FULL_CONFIDENCE);
  const margin = runnerUp === null || !(runnerUp > 0) ? 1 : Math.max(0, Math.min(1, (evidence - runnerUp) / evidence / AMBIGUITY_MARGIN));
  return height * margin;
}

function noAlignment(a: Clip, b: Clip, reason: string, signals: string[] = []): TimeAlignment {
  // Nothing to go on: assume both started together and let the user nudge.
  return {
    offsetS: 0,
    offsetFrames: { a: 0, b: 0 },
    confidence: 0,
    match: NaN,
    evidence: 0,
    runnerUp: null,
    overlapS: overlapAt(a, b, 0),
    signals,
    method: 'none',
    reason,
  };
}

/** Time alignment of two motion-signal sets (see file comment). */
export function alignSignals(sa: MotionSignals, sb: MotionSignals): TimeAlignment {
  const a = clipOf(sa);
  const b = clipOf(sb);
  const names = usableSignals(a, b);
  if (names.length === 0) {
    return noAlignment(a, b, 'no movement was seen clearly in both videos (the whole body, head to feet, must be in both pictures)');
  }
  const need = minOverlapS(a, b);

  // 1. Every offset on the coarse clock.
  let meanR: Float64Array | null = null;
  let meanInfo: Float64Array | null = null;
  let minLag = 0;
  const coarseMinOverlap = Math.max(3, Math.floor(need * COARSE_HZ));
  for (const name of names) {
    const lc = lagCorrelation(grid(a, name, COARSE_HZ), grid(b, name, COARSE_HZ), coarseMinOverlap);
    if (!meanR || !meanInfo) {
      meanR = new Float64Array(lc.r.length);
      meanInfo = new Float64Array(lc.r.length);
      minLag = lc.minLag;
    }
    for (let i = 0; i < lc.r.length; i++) {
      if (!Number.isFinite(lc.r[i])) continue;
      meanR[i] += lc.r[i] / names.length;
      meanInfo[i] += information(lc.r[i]) / names.length;
    }
  }
  const match = meanR!;
  const info = meanInfo!;
  const offsetOfLag = (lag: number) => a.t0 - b.t0 + lag / COARSE_HZ;
  const evidence = new Float64Array(match.length).fill(NaN);
  for (let i = 0; i < match.length; i++) {
    const overlap = overlapAt(a, b, offsetOfLag(i + minLag));
    // Offsets whose time overlap is too short are out, whatever the signals say.
    if (overlap >= need - 1e-9) evidence[i] = overlap * info[i];
  }
  let best = -1;
  for (let i = 0; i < evidence.length; i++) if (Number.isFinite(evidence[i]) && (best < 0 || evidence[i] > evidence[best])) best = i;
  if (best < 0 || !(evidence[best] > 0)) {
    return noAlignment(a, b, 'the two videos\' movements do not match at any offset (are they of the same set?)', names);
  }
  // The peak's lobe: downhill on both sides to the first rise. The runner-up is the best local
  // maximum outside it.
  let lo = best;
  while (lo > 0 && Number.isFinite(evidence[lo - 1]) && evidence[lo - 1] <= evidence[lo]) lo--;
  let hi = best;
  while (hi + 1 < evidence.length && Number.isFinite(evidence[hi + 1]) && evidence[hi + 1] <= evidence[hi]) hi++;
  let runner = -1;
  for (let i = 0; i < evidence.length; i++) {
    if (i >= lo && i <= hi) continue;
    const e = evidence[i];
    if (!Number.isFinite(e)) continue;
    const left = i > 0 && Number.isFinite(evidence[i - 1]) ? evidence[i - 1] : -Infinity;
    const right = i + 1 < evidence.length && Number.isFinite(evidence[i + 1]) ? evidence[i + 1] : -Infinity;
    if (e >= left && e >= right && (runner < 0 || e > evidence[runner])) runner = i;
  }

  // 2. Refine on the fine clock around the coarse peak (the same evidence, so the result is the
  // same whichever video is A), then a parabola through the best lag and its neighbours.
  const rate = fineRate(a, b);
  const grids = new Map<string, [Float64Array, Float64Array]>(names.map((name) => [name, [grid(a, name, rate), grid(b, name, rate)]]));
  const coarseOffset = offsetOfLag(best + minLag);
  const baseLag = Math.round((coarseOffset + b.t0 - a.t0) * rate);
  const half = Math.ceil((2 * rate) / COARSE_HZ);
  const fine: number[] = [];
  const fineMatch: number[] = [];
  for (let d = -half; d <= half; d++) {
    const offset = a.t0 - b.t0 + (baseLag + d) / rate;
    const m = matchAt(a, b, names, offset, rate, grids);
    fineMatch.push(m.r);
    fine.push(Number.isFinite(m.info) ? overlapAt(a, b, offset) * m.info : NaN);
  }
  let fb = half;
  for (let i = 0; i < fine.length; i++) if (Number.isFinite(fine[i]) && !(fine[i] <= fine[fb])) fb = i;
  const sub = fb > 0 && fb + 1 < fine.length ? parabolicPeak(fine[fb - 1], fine[fb], fine[fb + 1]) : 0;
  const refined = Number.isFinite(fine[fb]);
  const offsetS = refined ? a.t0 - b.t0 + (baseLag + fb - half + sub) / rate : coarseOffset;
  const peakEvidence = refined ? fine[fb] : evidence[best];
  const peakMatch = refined ? fineMatch[fb] : match[best];
  const runnerUp = runner >= 0 ? { offsetS: offsetOfLag(runner + minLag), match: match[runner], evidence: evidence[runner] } : null;
  const confidence = confidenceOf(peakMatch, peakEvidence, runnerUp?.evidence ?? null);

  let reason: string | null = null;
  if (confidence < LOW_CONFIDENCE) {
    if (runnerUp && runnerUp.evidence > (1 - AMBIGUITY_MARGIN) * peakEvidence) {
      reason = `the movement matches almost as well ${Math.abs(runnerUp.offsetS - offsetS).toFixed(1)} s further ${runnerUp.offsetS > offsetS ? 'on' : 'back'} (reps of the same rhythm look alike): check the reps line up, and nudge if they do not`;
    } else {
      reason = 'the two videos\' movements match only loosely (a joint hidden in one view, or a lot of keypoint noise): check the reps line up, and nudge if they do not';
    }
  }
  return {
    offsetS,
    offsetFrames: { a: offsetS * a.fps, b: offsetS * b.fps },
    confidence,
    match: peakMatch,
    evidence: peakEvidence,
    runnerUp,
    overlapS: overlapAt(a, b, offsetS),
    signals: names,
    method: 'motion',
    reason,
  };
}

/** Time alignment of two PoseTracks of the same set (see file comment). */
export function alignTracks(a: PoseTrack, b: PoseTrack): TimeAlignment {
  return alignSignals(motionSignals(a), motionSignals(b));
}

/** The same alignment moved by a manual nudge: `frames` frames of video B (negative = back). */
export function nudgeAlignment(alignment: TimeAlignment, frames: number, fpsA: number, fpsB: number, at?: AlignmentCandidate): TimeAlignment {
  const offsetS = alignment.offsetS + frames / fpsB;
  return {
    ...alignment,
    offsetS,
    offsetFrames: { a: offsetS * fpsA, b: offsetS * fpsB },
    match: at?.match ?? alignment.match,
    evidence: at?.evidence ?? alignment.evidence,
    method: frames === 0 ? alignment.method : 'manual',
  };
}

// ---------------------------------------------------------------------------
// Reps across the two videos

export interface RepMatch {
  /** Rep index in A and in B. */
  a: number;
  b: number;
  /** Share of the two reps' time spans (on A's clock) that they have in common, 0..1. */
  overlap: number;
  /** B's bottom minus A's bottom on A's clock, seconds (0 for a perfect alignment). */
  bottomDeltaS: number;
}

type RepSpan = Pick<Rep, 'index' | 'start' | 'bottom' | 'end'>;

/**
 * Pairs each rep of A with the rep of B filmed at the same time: B's reps are moved onto A's
 * clock by the offset; two reps are the same movement when their [start, end] overlap by at
 * least half their union, or when each one's bottom lies inside the other's span (a rep the
 * clip starts or ends inside is cut short in one video only). Best overlaps first, each rep once.
 */
export function matchReps(repsA: readonly RepSpan[], repsB: readonly RepSpan[], offsetS: number): RepMatch[] {
  const candidates: RepMatch[] = [];
  for (const ra of repsA) {
    for (const rb of repsB) {
      const s = rb.start + offsetS;
      const e = rb.end + offsetS;
      const bottomB = rb.bottom + offsetS;
      const inter = Math.max(0, Math.min(ra.end, e) - Math.max(ra.start, s));
      const union = Math.max(ra.end, e) - Math.min(ra.start, s);
      const overlap = union > 0 ? inter / union : 0;
      const bottomsInside = bottomB >= ra.start && bottomB <= ra.end && ra.bottom >= s && ra.bottom <= e;
      if (overlap >= 0.5 || bottomsInside) candidates.push({ a: ra.index, b: rb.index, overlap, bottomDeltaS: bottomB - ra.bottom });
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: RepMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    out.push(c);
  }
  return out.sort((x, y) => x.a - y.a);
}
