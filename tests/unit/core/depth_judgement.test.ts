import { describe, expect, it } from 'vitest';
import {
  DEPTH_TARGET_THIGH_DEG, THIGH_ANGLE_ERROR_DEG, depthStatement, frontDepthBand, hipHeightAt, judgeRepDepth,
  type DepthTarget, type RepDepthInput,
} from '../../../src/core/depth_judgement';
import type { ViewKind } from '../../../src/core/types';

const rep = (view: ViewKind, thigh: number | null, hip: number | null = null): RepDepthInput => ({
  view,
  thighAngleDeg: thigh === null ? null : { value: thigh, confidence: 0.9 },
  bottomHipHeight: hip,
  bottomSeen: true,
  minConfidence: 0.5,
});

describe('judgeRepDepth from the side (thigh angle, +-7 deg)', () => {
  it('calls a rep short of parallel only beyond the error, and never severe', () => {
    const T = DEPTH_TARGET_THIGH_DEG.parallel;
    const E = THIGH_ANGLE_ERROR_DEG.side;
    expect(judgeRepDepth(rep('side', T - E + 0.5), 'parallel').verdict).toBe('about');
    expect(judgeRepDepth(rep('side', T + E - 0.5), 'parallel').verdict).toBe('about');
    expect(judgeRepDepth(rep('side', T + E), 'parallel').verdict).toBe('reached');
    const mild = judgeRepDepth(rep('side', T - E - 1), 'parallel');
    expect([mild.verdict, mild.severity]).toEqual(['short', 'mild']);
    const half = judgeRepDepth(rep('side', -40), 'parallel');
    expect([half.verdict, half.severity]).toEqual(['short', 'moderate']);
    expect(judgeRepDepth(rep('side', -80), 'parallel').severity).toBe('moderate');
  });

  it('judges the same rep against the target the lifter chose', () => {
    const r = rep('side', -22);
    const v = (t: DepthTarget) => judgeRepDepth(r, t).verdict;
    expect([v('above_parallel'), v('parallel'), v('full')]).toEqual(['about', 'short', 'short']);
    expect(judgeRepDepth(rep('side', 25), 'full').verdict).toBe('reached');
  });

  it('allows +-15 deg from 45 degrees, so a thigh 16 deg above parallel is not a shallow rep there', () => {
    expect(judgeRepDepth(rep('oblique', -16), 'parallel').verdict).toBe('about');
    expect(judgeRepDepth(rep('side', -18), 'parallel').verdict).toBe('short');
    expect(judgeRepDepth(rep('oblique', -26), 'parallel').verdict).toBe('short');
  });

  it('does not judge a rep whose bottom was not seen or whose thigh was not measured well enough', () => {
    expect(judgeRepDepth({ ...rep('side', -40), bottomSeen: false }, 'parallel').verdict).toBe('not_judged');
    expect(judgeRepDepth({ ...rep('side', -40), thighAngleDeg: { value: -40, confidence: 0.3 } }, 'parallel').verdict).toBe('not_judged');
    expect(judgeRepDepth(rep('side', null), 'parallel').verdict).toBe('not_judged');
  });
});

describe('judgeRepDepth from the front (hip height)', () => {
  it('uses the hip height band that shin lean leaves open', () => {
    // Equal thigh and shank: standing straight is 1, thigh and shank horizontal-vertical is 0.5.
    expect(hipHeightAt(-90, 0)).toBeCloseTo(1, 6);
    expect(hipHeightAt(0, 0)).toBeCloseTo(0.5, 6);
    const [lo, hi] = frontDepthBand('parallel');
    expect(lo).toBeLessThan(hi);
    expect(judgeRepDepth(rep('front', null, lo - 0.01), 'parallel').verdict).toBe('reached');
    expect(judgeRepDepth(rep('front', null, hi + 0.01), 'parallel').verdict).toBe('short');
    expect(judgeRepDepth(rep('front', null, (lo + hi) / 2), 'parallel').verdict).toBe('not_judged');
  });

  it('calls a half squat (hips at 71 % of standing height, front-shallow-lowres) short of parallel, and a deep one (30 %) reached', () => {
    expect(judgeRepDepth(rep('front', null, 0.713), 'parallel').verdict).toBe('short');
    expect(judgeRepDepth(rep('front', null, 0.3), 'parallel').verdict).toBe('reached');
    expect(judgeRepDepth(rep('front', null, 0.713), 'above_parallel').verdict).not.toBe('reached');
  });
});

describe('depthStatement', () => {
  const judge = (inputs: RepDepthInput[], t: DepthTarget = 'parallel') => depthStatement(inputs.map((i) => judgeRepDepth(i, t)), t);

  it('says one thing per set from the front, and never "reached" for a rep it cannot judge', () => {
    const s = judge([rep('front', null, 0.548), rep('front', null, 0.503)]);
    expect(s.text).not.toMatch(/reached/);
    expect(s.text).toMatch(/not judged/);
    expect(s.text).toMatch(/side or 45-degree view/);
    expect(judge([rep('front', null, 0.3)]).text).toMatch(/^The rep reached parallel/);
    expect(judge([rep('front', null, 0.71), rep('front', null, 0.72)]).text).toMatch(/^Both reps stopped short of parallel/);
  });

  it('states the view error from the side and 45 degrees', () => {
    expect(judge([rep('side', -10), rep('side', -11)]).text).toMatch(/about parallel.*±7°/);
    expect(judge([rep('oblique', -16)]).text).toMatch(/±15°/);
    expect(judge([rep('side', -2), rep('side', -30)]).text).toMatch(/1 of 2 reps reached parallel, 1 of 2 reps stopped short/);
  });

  it('names the target the lifter chose', () => {
    expect(judge([rep('side', 20)], 'full').text).toMatch(/full depth/);
    expect(judge([rep('side', -15)], 'above_parallel').text).toMatch(/half-squat depth/);
  });
});
