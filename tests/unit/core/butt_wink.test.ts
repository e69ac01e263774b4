/**
 * The butt-wink proxy (the one metric the rep stage fills) on its own: hip flexion that keeps
 * pace with knee flexion through the descent and then falls short at the bottom.
 */
import { describe, expect, it } from 'vitest';
import { fillButtWink } from '../../../src/core/butt_wink';
import type { RepEventIndices } from '../../../src/core/reps/segment_reps';
import { column } from '../../../src/core/series';
import type { ViewKind } from '../../../src/core/types';
import { seriesFromFrames } from '../../support/analysis_frames';

const N = 61;
const rep: RepEventIndices = { start: 0, bottom: 40, ascentStart: 50, end: 60, partial: false, partialStart: false, partialEnd: false, bottomHipHeight: 0.45, topHipHeight: 1 };

/** Knee flexion 0 -> 120 deg over the descent; hip flexion = 0.9 x knee, short by `tuck` deg over the last 6 descent frames and the hold. */
function series(tuck: number) {
  return seriesFromFrames(Array.from({ length: N }, (_, i) => {
    const knee = i <= 40 ? 3 * i : i <= 50 ? 120 : 120 - 12 * (i - 50);
    const short = i >= 35 && i <= 50 ? tuck * Math.min(1, (i - 34) / 6) : 0;
    return { t: i / 30, metrics: { kneeFlexionDeg: { left: knee, right: knee }, hipFlexionDeg: 0.9 * knee - short }, confidence: { kneeFlexionDeg: { left: 0.9, right: 0.9 }, hipFlexionDeg: 0.9 } };
  }));
}

describe('fillButtWink', () => {
  const side = (): ViewKind => 'side';

  it('reads the shortfall of hip flexion at the bottom, and about 0 through the descent before it', () => {
    const s = series(15);
    fillButtWink(s, [rep], side);
    const wink = column(s, 'buttWink', null)!;
    expect(wink.value[45]).toBeCloseTo(15, 0);
    expect(wink.value[20]).toBeCloseTo(0, 1);
    expect(wink.confidence[45]).toBeGreaterThan(0.5);
    expect(wink.confidence[45]).toBeLessThanOrEqual(0.7); // capped: a proxy without pelvis landmarks
    expect(wink.value[55]).toBeNaN(); // after the bottom hold: not defined there
  });

  it('reads nothing without a tuck, and nothing from a front view', () => {
    const none = series(0);
    fillButtWink(none, [rep], side);
    expect(Math.max(...Array.from(column(none, 'buttWink', null)!.value).filter((v) => v === v))).toBeLessThan(0.5);
    const front = series(15);
    fillButtWink(front, [rep], () => 'front');
    expect(Array.from(column(front, 'buttWink', null)!.value).every((v) => v !== v)).toBe(true);
  });
});
