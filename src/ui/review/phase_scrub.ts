/**
 * The review's scrub bar, drawn as the three phases of the shared clock (phase_alignment.ts):
 * where each phase sits on the bar, and the phase's words at a clock time. The bands and the
 * label come from the same clock values as the slider, and the bands are placed the way a range
 * input places its thumb (the thumb's centre runs from half a thumb in from the left end to half
 * a thumb in from the right end), so the label is right at every point of the bar.
 */
import type { PhaseName, PhaseTimeline } from '../../core/phase_alignment';

/** Thumb width of the scrub bar, CSS pixels (report.css sets the same on the range input). */
export const SCRUB_THUMB_PX = 18;

export const PHASE_WORDS: Record<PhaseName, string> = {
  descent: 'going down',
  bottom: 'at the bottom',
  ascent: 'coming up',
};

export interface PhaseBand {
  name: PhaseName;
  /** Fractions of the clock, 0..1. */
  from: number;
  to: number;
}

export function phaseBands(timeline: PhaseTimeline): PhaseBand[] {
  const d = timeline.durationS;
  const [s, b, u, e] = timeline.eventClockS;
  return [
    { name: 'descent', from: s / d, to: b / d },
    { name: 'bottom', from: b / d, to: u / d },
    { name: 'ascent', from: u / d, to: e / d },
  ];
}

/** CSS `left` of a fraction of the clock on the bar (where the thumb's centre is at that value). */
export function barPosition(fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  return `calc(${SCRUB_THUMB_PX / 2}px + (100% - ${SCRUB_THUMB_PX}px) * ${f.toFixed(6)})`;
}

/** The phase at a clock time in words: "going down", "at the bottom", "coming up". */
export function phaseWords(timeline: PhaseTimeline, clockS: number): { name: PhaseName; words: string } {
  const { name } = timeline.phaseAt(clockS);
  return { name, words: PHASE_WORDS[name] };
}
