import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPhaseTimeline, frameStepClockS, orderedEvents, type RepEvents } from '../../../src/core/phase_alignment';

const slow: RepEvents = { start: 10, bottom: 12, ascentStart: 12.5, end: 14 };
const quick: RepEvents = { start: 1, bottom: 2, ascentStart: 2, end: 2.8 };

describe('createPhaseTimeline', () => {
  it('brings both reps to their bottom at the same clock time', () => {
    const timeline = createPhaseTimeline([slow, quick]);
    const bottomClock = timeline.eventClockS[1];
    expect(timeline.repTimeAt(0, bottomClock)).toBeCloseTo(slow.bottom, 9);
    expect(timeline.repTimeAt(1, bottomClock)).toBeCloseTo(quick.bottom, 9);
    const endClock = timeline.eventClockS[3];
    expect(timeline.repTimeAt(0, endClock)).toBeCloseTo(slow.end, 9);
    expect(timeline.repTimeAt(1, endClock)).toBeCloseTo(quick.end, 9);
  });

  it('gives each phase the slowest rep\'s duration, so nothing plays faster than real time at 1x', () => {
    const timeline = createPhaseTimeline([slow, quick]);
    expect(timeline.phaseDurationsS[0]).toBeCloseTo(2, 9);
    expect(timeline.phaseDurationsS[1]).toBeCloseTo(0.5, 9);
    expect(timeline.phaseDurationsS[2]).toBeCloseTo(1.5, 9);
    expect(timeline.durationS).toBeCloseTo(4, 9);
  });

  it('keeps a zero-length bottom pause as a short phase that the clock can stop in', () => {
    const timeline = createPhaseTimeline([quick], { minPhaseS: 0.05 });
    expect(timeline.phaseDurationsS[1]).toBeCloseTo(0.05, 9);
    const mid = timeline.eventClockS[1] + 0.025;
    expect(timeline.phaseAt(mid).name).toBe('bottom');
    expect(timeline.repTimeAt(0, mid)).toBeCloseTo(2, 9);
  });

  it('clamps clock times outside the rep to its first and last event', () => {
    const timeline = createPhaseTimeline([slow]);
    expect(timeline.repTimeAt(0, -3)).toBe(slow.start);
    expect(timeline.repTimeAt(0, 99)).toBe(slow.end);
    expect(timeline.clockAt(0, 0)).toBe(0);
    expect(timeline.clockAt(0, 100)).toBeCloseTo(timeline.durationS, 9);
  });

  it('orders events a detector returned slightly out of order', () => {
    expect(orderedEvents({ start: 1, bottom: 0.9, ascentStart: 2, end: 1.5 })).toEqual({ start: 1, bottom: 1, ascentStart: 2, end: 2 });
  });

  it('rejects an empty list and non-finite events', () => {
    expect(() => createPhaseTimeline([])).toThrow();
    expect(() => createPhaseTimeline([{ start: 0, bottom: NaN, ascentStart: 1, end: 2 }])).toThrow();
  });
});

const repArb = fc
  .tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true }))
  .map(([start, descent, pause, ascent]) => ({ start, bottom: start + descent, ascentStart: start + descent + pause, end: start + descent + pause + ascent }));

describe('phase alignment properties', () => {
  it('maps every rep monotonically and in step: same clock -> same phase and progress', () => {
    fc.assert(
      fc.property(repArb, repArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, u, v) => {
        const timeline = createPhaseTimeline([a, b]);
        const c1 = Math.min(u, v) * timeline.durationS;
        const c2 = Math.max(u, v) * timeline.durationS;
        for (const index of [0, 1]) {
          expect(timeline.repTimeAt(index, c2)).toBeGreaterThanOrEqual(timeline.repTimeAt(index, c1) - 1e-9);
        }
        // Both videos are inside the same phase of their own rep at any clock time.
        const { phase } = timeline.phaseAt(c1);
        for (const [index, rep] of [a, b].entries()) {
          const times = [rep.start, rep.bottom, rep.ascentStart, rep.end];
          const t = timeline.repTimeAt(index, c1);
          expect(t).toBeGreaterThanOrEqual(times[phase]! - 1e-9);
          expect(t).toBeLessThanOrEqual(times[phase + 1]! + 1e-9);
        }
      }),
    );
  });

  it('clockAt inverts repTimeAt inside phases that take time', () => {
    fc.assert(
      fc.property(repArb, repArb, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, u) => {
        const timeline = createPhaseTimeline([a, b], { minPhaseS: 0 });
        const t = a.start + u * (a.end - a.start);
        const back = timeline.repTimeAt(0, timeline.clockAt(0, t));
        expect(back).toBeCloseTo(t, 6);
      }),
    );
  });

  it('frame steps never skip a frame of either rep', () => {
    fc.assert(
      fc.property(repArb, repArb, fc.double({ min: 0, max: 0.999, noNaN: true }), (a, b, u) => {
        const timeline = createPhaseTimeline([a, b]);
        const clock = u * timeline.durationS;
        const step = frameStepClockS(timeline, clock, [30, 25]);
        const next = Math.min(timeline.durationS, clock + step);
        // Within one phase the step moves each video by at most one of its frames.
        if (timeline.phaseAt(next).phase === timeline.phaseAt(clock).phase) {
          expect(timeline.repTimeAt(0, next) - timeline.repTimeAt(0, clock)).toBeLessThanOrEqual(1 / 30 + 1e-9);
          expect(timeline.repTimeAt(1, next) - timeline.repTimeAt(1, clock)).toBeLessThanOrEqual(1 / 25 + 1e-9);
        }
      }),
    );
  });
});
