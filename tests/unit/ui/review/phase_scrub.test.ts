import { describe, expect, it } from 'vitest';
import { createPhaseTimeline } from '../../../../src/core/phase_alignment';
import { SCRUB_THUMB_PX, barPosition, phaseBands, phaseWords } from '../../../../src/ui/review/phase_scrub';

const timeline = createPhaseTimeline([
  { start: 0, bottom: 1.2, ascentStart: 1.2, end: 2 },
  { start: 5, bottom: 6, ascentStart: 6.4, end: 7.1 },
]);

describe('phase scrub bar', () => {
  it('bands cover the bar in order, with no gap, at the clock\'s own event times', () => {
    const bands = phaseBands(timeline);
    expect(bands.map((b) => b.name)).toEqual(['descent', 'bottom', 'ascent']);
    expect(bands[0]!.from).toBe(0);
    expect(bands[2]!.to).toBe(1);
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.from).toBe(bands[i - 1]!.to);
    expect(bands[1]!.from * timeline.durationS).toBeCloseTo(timeline.eventClockS[1], 12);
  });

  it('the words at every clock time name the band that holds that time (the bottom mark says "at the bottom")', () => {
    const bands = phaseBands(timeline);
    for (let i = 0; i <= 1000; i++) {
      const clock = (i / 1000) * timeline.durationS;
      const f = clock / timeline.durationS;
      const band = bands.find((b, k) => f >= b.from && (f < b.to || k === bands.length - 1))!;
      expect(phaseWords(timeline, clock).name, `clock ${clock}`).toBe(band.name);
    }
    expect(phaseWords(timeline, timeline.eventClockS[1]).words).toBe('at the bottom');
    expect(phaseWords(timeline, timeline.eventClockS[1] - 1e-6).words).toBe('going down');
  });

  it('places a value where a range input puts its thumb centre', () => {
    expect(barPosition(0)).toBe(`calc(${SCRUB_THUMB_PX / 2}px + (100% - ${SCRUB_THUMB_PX}px) * 0.000000)`);
    expect(barPosition(1)).toContain('* 1.000000');
    expect(barPosition(2)).toContain('* 1.000000');
  });
});
