/**
 * Phase alignment: one shared clock that drives several reps so they pass through the
 * same phase at the same moment (start, bottom, ascent start, end), however long each
 * rep's descent, pause and ascent took.
 *
 * Why: comparing two reps side by side only shows the difference in *movement* when the
 * two videos are at the same point of the squat. Kinovea syncs two videos by a single
 * manual offset, which drifts as soon as the tempos differ (../shared/REFERENCE.md §4);
 * here each phase is stretched piecewise-linearly between the rep's own events, the same
 * idea as piecewise time normalisation of gait cycles (heel strike to heel strike, 0-100 %).
 *
 * The clock runs in "aligned seconds": each phase lasts as long as the slowest rep's
 * version of it, so at 1x no video ever plays faster than real time (the quicker rep is
 * slowed down instead of the slower one being sped up).
 *
 * Pure: no DOM, no video. The review UI maps clock -> each video's currentTime with
 * `repTimeAt`, and a video's time back to the clock with `clockAt`.
 */

/** The events of one rep, in seconds of its own video (a Rep from types.ts fits). */
export interface RepEvents {
  start: number;
  bottom: number;
  ascentStart: number;
  end: number;
}

/** Phase boundaries in order; phase index i runs from PHASE_EVENTS[i] to PHASE_EVENTS[i + 1]. */
export const PHASE_EVENTS = ['start', 'bottom', 'ascentStart', 'end'] as const;
export type PhaseEvent = (typeof PHASE_EVENTS)[number];
export const PHASE_NAMES = ['descent', 'bottom', 'ascent'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

export interface PhaseTimelineOptions {
  /**
   * Shortest duration any phase gets on the shared clock, seconds. A rep with no pause at
   * the bottom has bottom == ascentStart; without a floor that phase would vanish from the
   * clock and the scrub bar could never stop inside it. Default: 1/30 s (one video frame).
   */
  minPhaseS?: number;
}

export interface PhaseTimeline {
  /** Clock duration, seconds (sum of phaseDurationsS). */
  readonly durationS: number;
  /** Clock duration of each phase: descent, bottom, ascent. */
  readonly phaseDurationsS: readonly [number, number, number];
  /** Clock time of each event: start (0), bottom, ascentStart, end (durationS). */
  readonly eventClockS: readonly [number, number, number, number];
  /** The reps, with events sorted into a valid order. */
  readonly reps: readonly RepEvents[];
  /** Time in rep `index`'s own video at clock time `clockS` (clamped to the clock's range). */
  repTimeAt(index: number, clockS: number): number;
  /** Clock time at which rep `index` shows its own video time `t` (clamped to the rep). */
  clockAt(index: number, t: number): number;
  /** Phase (0 descent, 1 bottom, 2 ascent) and 0..1 progress through it at clock time `clockS`. */
  phaseAt(clockS: number): { phase: 0 | 1 | 2; name: PhaseName; progress: number };
}

/** Events forced into order start <= bottom <= ascentStart <= end (a detector may be off by a frame). */
export function orderedEvents(rep: RepEvents): RepEvents {
  const start = rep.start;
  const bottom = Math.max(start, rep.bottom);
  const ascentStart = Math.max(bottom, rep.ascentStart);
  const end = Math.max(ascentStart, rep.end);
  return { start, bottom, ascentStart, end };
}

function eventTimes(rep: RepEvents): [number, number, number, number] {
  return [rep.start, rep.bottom, rep.ascentStart, rep.end];
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Builds the shared clock for one or more reps (their own events, each in its own video's seconds). */
export function createPhaseTimeline(reps: readonly RepEvents[], options: PhaseTimelineOptions = {}): PhaseTimeline {
  if (reps.length === 0) throw new Error('createPhaseTimeline needs at least one rep');
  for (const rep of reps) {
    for (const value of eventTimes(rep)) {
      if (!Number.isFinite(value)) throw new Error('rep events must be finite numbers');
    }
  }
  const minPhaseS = options.minPhaseS ?? 1 / 30;
  const ordered = reps.map(orderedEvents);
  const phaseDurationsS = [0, 1, 2].map((phase) => {
    const longest = Math.max(...ordered.map((rep) => eventTimes(rep)[phase + 1] - eventTimes(rep)[phase]));
    return Math.max(minPhaseS, longest);
  }) as [number, number, number];
  const eventClockS: [number, number, number, number] = [
    0,
    phaseDurationsS[0],
    phaseDurationsS[0] + phaseDurationsS[1],
    phaseDurationsS[0] + phaseDurationsS[1] + phaseDurationsS[2],
  ];
  const durationS = eventClockS[3];

  function phaseIndexAtClock(clockS: number): 0 | 1 | 2 {
    if (clockS < eventClockS[1]) return 0;
    if (clockS < eventClockS[2]) return 1;
    return 2;
  }

  function repTimeAt(index: number, clockS: number): number {
    const rep = ordered[index];
    if (!rep) throw new RangeError(`no rep ${index}`);
    const c = clamp(clockS, 0, durationS);
    const phase = phaseIndexAtClock(c);
    const progress = (c - eventClockS[phase]) / phaseDurationsS[phase];
    const times = eventTimes(rep);
    return times[phase] + clamp(progress, 0, 1) * (times[phase + 1] - times[phase]);
  }

  function clockAt(index: number, t: number): number {
    const rep = ordered[index];
    if (!rep) throw new RangeError(`no rep ${index}`);
    const times = eventTimes(rep);
    const tc = clamp(t, times[0], times[3]);
    // The first phase that contains tc; a zero-length phase maps to its start on the clock.
    for (let phase = 0; phase < 3; phase++) {
      const from = times[phase];
      const to = times[phase + 1];
      if (tc <= to || phase === 2) {
        const progress = to > from ? (tc - from) / (to - from) : 0;
        return eventClockS[phase] + clamp(progress, 0, 1) * phaseDurationsS[phase];
      }
    }
    return durationS;
  }

  function phaseAt(clockS: number) {
    const c = clamp(clockS, 0, durationS);
    const phase = phaseIndexAtClock(c);
    const progress = clamp((c - eventClockS[phase]) / phaseDurationsS[phase], 0, 1);
    return { phase, name: PHASE_NAMES[phase], progress };
  }

  return { durationS, phaseDurationsS, eventClockS, reps: ordered, repTimeAt, clockAt, phaseAt };
}

/**
 * Clock step for one video frame of the rep that moves fastest through the phase at
 * `clockS`, so an arrow-key step never skips a frame of either video.
 */
export function frameStepClockS(timeline: PhaseTimeline, clockS: number, fps: readonly number[]): number {
  const { phase } = timeline.phaseAt(clockS);
  let step = Infinity;
  timeline.reps.forEach((rep, index) => {
    const times = eventTimes(rep);
    const repPhaseS = times[phase + 1] - times[phase];
    const frameS = 1 / (fps[index] && fps[index] > 0 ? fps[index] : 30);
    // Clock seconds that one frame of this rep spans in this phase.
    const clockPerFrame = repPhaseS > 0 ? (frameS * timeline.phaseDurationsS[phase]) / repPhaseS : timeline.phaseDurationsS[phase];
    step = Math.min(step, clockPerFrame);
  });
  return Number.isFinite(step) && step > 0 ? step : 1 / 30;
}
