import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameAtTime, frameIndexAtTime } from '../../../src/render/frame_at_time';

const at30 = Array.from({ length: 187 }, (_, i) => ({ t: i / 30, keypoints: null }));

describe('frameIndexAtTime', () => {
  it('finds the frame on screen: the last one that started at or before t', () => {
    expect(frameIndexAtTime(at30, 0)).toBe(0);
    expect(frameIndexAtTime(at30, 2)).toBe(60);
    expect(frameIndexAtTime(at30, 2 + 0.5 / 30)).toBe(60);
    expect(frameIndexAtTime(at30, 100)).toBe(186);
  });

  it('absorbs float rounding of the media clock (2.0333 vs 61/30)', () => {
    expect(frameIndexAtTime(at30, 2.0333)).toBe(61);
  });

  it('shows nothing before the first frame or for an empty track', () => {
    expect(frameIndexAtTime([{ t: 0.5 }], 0.2)).toBe(-1);
    expect(frameIndexAtTime([], 1)).toBe(-1);
    expect(frameAtTime([], 1)).toBeNull();
  });

  it('agrees with a linear scan on any sorted timestamps', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.double({ min: -1, max: 61, noNaN: true }), (ts, t) => {
        const frames = [...ts].sort((a, b) => a - b).map((x) => ({ t: x }));
        let expected = -1;
        frames.forEach((f, i) => {
          if (f.t <= t + 0.0005) expected = i;
        });
        // Equal timestamps: any of them is the right frame.
        const got = frameIndexAtTime(frames, t);
        if (expected === -1) expect(got).toBe(-1);
        else expect(frames[got].t).toBe(frames[expected].t);
      }),
    );
  });
});
