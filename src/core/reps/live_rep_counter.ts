import type { Keypoint, PoseFrame } from '../types';
import { OneEuroFilter, type OneEuroFilterConfig } from '../filters/one_euro_filter';

/**
 * Incremental rep counter for the webcam: feed frames as they come, read the rep count and
 * the phase. Causal (no look-ahead), constant memory.
 *
 * Signal: the vertical pixel distance from the hip midpoint down to the ankle midpoint,
 * One Euro filtered (Casiez et al. 2012; live keypoints jitter, a zero-phase filter would
 * need the future), divided by the lifter's standing distance. The standing distance is a
 * running maximum that forgets slowly (1 % per second), so it follows the lifter stepping
 * toward or away from the camera without dropping during a long hold at the bottom.
 *
 * Phases, with hysteresis as in the offline segmentation (segment_reps.ts):
 *   standing -> descent   once the hip is below `descentBelow` x standing height,
 *   descent  -> bottom    once it is `squatBelow` under (a rep is under way) and stops falling,
 *   bottom   -> ascent    once it has risen `riseAbove` above its lowest point,
 *   ascent   -> standing  once back above `standingAbove`: the rep is counted here.
 * A descent that turns round before `squatBelow` is not a rep (a bob, a stumble); it returns
 * to standing above `standingAbove` (higher than `descentBelow`: hysteresis).
 * `squatBelow` = 0.85: a 15 % hip drop, between the 10 % minimum of the offline segmenter
 * and a half squat, because live keypoints are noisier and nothing can be corrected later.
 */
export type LivePhase = 'unknown' | 'standing' | 'descent' | 'bottom' | 'ascent';

export interface LiveRep {
  /** Seconds. */
  start: number;
  bottom: number;
  end: number;
  /** Lowest hip height of the rep (1 = standing). */
  bottomHipHeight: number;
}

export interface LiveRepState {
  reps: number;
  phase: LivePhase;
  /** Filtered hip height, 1 = standing; null while the lifter is not seen. */
  hipHeight: number | null;
  lastRep: LiveRep | null;
}

export interface LiveRepCounterOptions {
  minScore?: number;
  descentBelow?: number;
  squatBelow?: number;
  standingAbove?: number;
  riseAbove?: number;
  /** Lifter unseen for longer than this: the rep in progress is abandoned. */
  maxGapS?: number;
  /** Standing baseline forgetting rate per second. */
  baselineDecayPerS?: number;
  filter?: OneEuroFilterConfig;
}

export const LIVE_REP_DEFAULTS: Required<LiveRepCounterOptions> = {
  minScore: 0.5,
  // Leave "standing" below 0.88, come back above 0.92: the gap is the hysteresis that keeps
  // a lifter standing at ~0.9 (knees soft, baseline a little high) from flapping between phases.
  descentBelow: 0.88,
  squatBelow: 0.85,
  standingAbove: 0.92,
  riseAbove: 0.04,
  maxGapS: 1,
  baselineDecayPerS: 0.01,
  // Pixel signal: steady when still, little lag at squat speeds (hundreds of px/s).
  filter: { minCutoffHz: 1.5, beta: 0.05, derivateCutoffHz: 1.0 },
};

function mean(kps: Keypoint[], a: string, b: string, minScore: number): number | null {
  let sum = 0;
  let n = 0;
  for (const k of kps) {
    if ((k.name === a || k.name === b) && k.score >= minScore && Number.isFinite(k.y)) {
      sum += k.y;
      n++;
    }
  }
  return n ? sum / n : null;
}

export class LiveRepCounter {
  private readonly o: Required<LiveRepCounterOptions>;
  private readonly filter: OneEuroFilter;
  private baseline = NaN;
  private lastT = NaN;
  private lastSeenT = NaN;
  private phase: LivePhase = 'unknown';
  private count = 0;
  private repStart = NaN;
  private repMin = Infinity;
  private repMinT = NaN;
  private deep = false;
  private lastH: number | null = null;
  private last: LiveRep | null = null;

  constructor(options: LiveRepCounterOptions = {}) {
    this.o = { ...LIVE_REP_DEFAULTS, ...options };
    this.filter = new OneEuroFilter(this.o.filter);
  }

  reset(): void {
    this.filter.reset();
    this.baseline = NaN;
    this.lastT = NaN;
    this.lastSeenT = NaN;
    this.phase = 'unknown';
    this.count = 0;
    this.abandon();
    this.lastH = null;
    this.last = null;
  }

  get state(): LiveRepState {
    return { reps: this.count, phase: this.phase, hipHeight: this.lastH, lastRep: this.last };
  }

  /** Feed one pose frame (pixels). */
  push(frame: PoseFrame): LiveRepState {
    const kps = frame?.keypoints;
    let dist: number | null = null;
    if (kps && kps.length) {
      const hip = mean(kps, 'left_hip', 'right_hip', this.o.minScore);
      const ankle = mean(kps, 'left_ankle', 'right_ankle', this.o.minScore);
      if (hip !== null && ankle !== null && ankle > hip) dist = ankle - hip;
    }
    return this.pushDistance(frame?.t, dist);
  }

  /** Feed a hip height already relative to standing (1 = standing), e.g. from computeFrameMetrics. */
  pushHipHeight(t: number, hipHeight: number | null): LiveRepState {
    return this.step(t, hipHeight !== null && Number.isFinite(hipHeight) ? hipHeight : null);
  }

  private pushDistance(t: number, dist: number | null): LiveRepState {
    if (!Number.isFinite(t)) return this.state;
    if (dist === null) return this.step(t, null);
    const d = this.filter.apply(dist, t);
    if (!Number.isFinite(d)) return this.step(t, null);
    const dt = Number.isFinite(this.lastT) && t > this.lastT ? t - this.lastT : 0;
    this.baseline = Number.isFinite(this.baseline) ? Math.max(d, this.baseline * (1 - this.o.baselineDecayPerS * dt)) : d;
    return this.step(t, this.baseline > 0 ? d / this.baseline : null);
  }

  private abandon(): void {
    this.repStart = NaN;
    this.repMin = Infinity;
    this.repMinT = NaN;
    this.deep = false;
  }

  private step(t: number, h: number | null): LiveRepState {
    if (!Number.isFinite(t)) return this.state;
    this.lastT = t;
    if (h === null) {
      this.lastH = null;
      if (Number.isFinite(this.lastSeenT) && t - this.lastSeenT > this.o.maxGapS) {
        this.phase = 'unknown';
        this.abandon();
      }
      return this.state;
    }
    this.lastSeenT = t;
    this.lastH = h;
    const o = this.o;
    switch (this.phase) {
      case 'unknown':
        if (h >= o.standingAbove) this.phase = 'standing';
        break;
      case 'standing':
        if (h < o.descentBelow) {
          this.phase = 'descent';
          this.repStart = t;
          this.repMin = h;
          this.repMinT = t;
        }
        break;
      case 'descent':
      case 'bottom':
      case 'ascent':
        // Still falling (by more than filter jitter) = descent.
        const falling = h < this.repMin - 0.002;
        if (h < this.repMin) {
          this.repMin = h;
          this.repMinT = t;
        }
        if (h < o.squatBelow) this.deep = true;
        if (h >= o.standingAbove) {
          if (this.deep) {
            this.count++;
            this.last = { start: this.repStart, bottom: this.repMinT, end: t, bottomHipHeight: this.repMin };
          }
          this.phase = 'standing';
          this.abandon();
        } else if (this.deep && h > this.repMin + o.riseAbove) {
          this.phase = 'ascent';
        } else if (this.phase === 'descent' && this.deep && !falling) {
          // Bottom is sticky until the rise: a slow settle at the bottom is not a new descent.
          this.phase = 'bottom';
        }
        break;
    }
    return this.state;
  }
}

/** A fresh live rep counter (see LiveRepCounter). */
export function liveRepCounter(options?: LiveRepCounterOptions): LiveRepCounter {
  return new LiveRepCounter(options);
}
