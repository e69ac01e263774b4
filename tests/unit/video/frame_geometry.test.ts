import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitLongSide } from '../../../src/video/frame_geometry';

describe('fitLongSide', () => {
  it('leaves frames that already fit alone', () => {
    expect(fitLongSide(540, 960, 960)).toEqual({ width: 540, height: 960, scale: 1 });
  });

  it('scales a 1080x1920 phone frame to 540x960', () => {
    expect(fitLongSide(1080, 1920, 960)).toEqual({ width: 540, height: 960, scale: 0.5 });
  });

  it('never scales up, keeps the aspect ratio within a pixel, and respects the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 8000 }), fc.integer({ min: 16, max: 8000 }), fc.integer({ min: 64, max: 2000 }), (w, h, max) => {
        const out = fitLongSide(w, h, max);
        expect(out.scale).toBeLessThanOrEqual(1);
        if (Math.max(w, h) <= max) expect(out).toEqual({ width: w, height: h, scale: 1 });
        else expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(max);
        // Rounded to whole pixels, but never below one pixel.
        for (const [got, exact] of [[out.width, w * out.scale], [out.height, h * out.scale]]) {
          expect(got >= 1 && (Math.abs(got - exact) <= 0.5 + 1e-9 || got === 1)).toBe(true);
        }
      }),
    );
  });

  it('refuses an empty frame', () => {
    expect(() => fitLongSide(0, 480, 960)).toThrow(RangeError);
  });
});
