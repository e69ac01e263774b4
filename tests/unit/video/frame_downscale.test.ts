import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxDownscaleRgba, downscaleFrameInto, wholeDownscaleFactor } from '../../../src/video/frame_downscale';

const frame = (w: number, h: number, rotation = 0, extra: Partial<{ flip: boolean; squarePixelWidth: number; squarePixelHeight: number }> = {}) => ({
  rotation,
  flip: false,
  visibleRect: { width: w, height: h },
  squarePixelWidth: w,
  squarePixelHeight: h,
  ...extra,
});

/**
 * The reference: for each upright output pixel, the plain mean of the k x k source pixels that
 * turning the picture `rotation` degrees clockwise puts under it.
 */
function reference(src: Uint8ClampedArray, srcW: number, srcH: number, k: number, rotation: number): Uint8ClampedArray {
  const quarter = rotation === 90 || rotation === 270;
  const upW = quarter ? srcH : srcW;
  const upH = quarter ? srcW : srcH;
  const outW = upW / k;
  const outH = upH / k;
  const out = new Uint8ClampedArray(outW * outH * 4);
  // Upright pixel (ux, uy) shows source pixel:
  const sourceOf = (ux: number, uy: number): [number, number] => {
    if (rotation === 90) return [uy, srcH - 1 - ux];
    if (rotation === 180) return [srcW - 1 - ux, srcH - 1 - uy];
    if (rotation === 270) return [srcW - 1 - uy, ux];
    return [ux, uy];
  };
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const sum = [0, 0, 0];
      for (let dy = 0; dy < k; dy++) {
        for (let dx = 0; dx < k; dx++) {
          const [sx, sy] = sourceOf(x * k + dx, y * k + dy);
          for (let c = 0; c < 3; c++) sum[c] += src[(sy * srcW + sx) * 4 + c];
        }
      }
      for (let c = 0; c < 3; c++) out[(y * outW + x) * 4 + c] = Math.floor(sum[c] / (k * k) + 0.5); // nearest, halves up
      out[(y * outW + x) * 4 + 3] = 255;
    }
  }
  return out;
}

describe('wholeDownscaleFactor', () => {
  it('finds the whole-number factor to the analysed size, upright', () => {
    expect(wholeDownscaleFactor(frame(1080, 1920), 540, 960)).toBe(2);
    expect(wholeDownscaleFactor(frame(2160, 3840), 540, 960)).toBe(4);
    expect(wholeDownscaleFactor(frame(540, 960), 540, 960)).toBe(1);
    // A portrait phone clip stored landscape with a rotation tag.
    expect(wholeDownscaleFactor(frame(1920, 1080, 90), 540, 960)).toBe(2);
    expect(wholeDownscaleFactor(frame(1920, 1080, 270), 540, 960)).toBe(2);
    expect(wholeDownscaleFactor(frame(1080, 1920, 180), 540, 960)).toBe(2);
  });

  it('refuses what the box average cannot do exactly: other scales, flips, non-square pixels', () => {
    expect(wholeDownscaleFactor(frame(720, 1280), 540, 960)).toBeNull();
    expect(wholeDownscaleFactor(frame(1080, 1920), 960, 540)).toBeNull();
    expect(wholeDownscaleFactor(frame(1920, 1080), 540, 960)).toBeNull();
    expect(wholeDownscaleFactor(frame(1080, 1920, 0, { flip: true }), 540, 960)).toBeNull();
    expect(wholeDownscaleFactor(frame(1080, 1920, 0, { squarePixelWidth: 1440 }), 540, 960)).toBeNull();
    expect(wholeDownscaleFactor(frame(1080, 1920, 45), 540, 960)).toBeNull();
    expect(wholeDownscaleFactor(frame(1081, 1920), 540, 960)).toBeNull();
  });
});

describe('boxDownscaleRgba', () => {
  it('equals the plain k x k mean of the pixels turning puts under each output pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0, 90, 180, 270),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (k, bw, bh, rotation, seed) => {
          const srcW = bw * k;
          const srcH = bh * k;
          const src = new Uint8ClampedArray(srcW * srcH * 4);
          let s = seed;
          for (let i = 0; i < src.length; i++) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            src[i] = s & 255;
          }
          const out = new Uint8ClampedArray(bw * bh * 4);
          boxDownscaleRgba(src, srcW, srcH, k, rotation, out);
          expect(Array.from(out)).toEqual(Array.from(reference(src, srcW, srcH, k, rotation)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a picture upright: the top row of a portrait clip stored turned 90 degrees lands on top', () => {
    // Coded landscape 4 x 2, shown turned 90 degrees clockwise: 2 wide, 4 tall. The coded
    // picture's left column (x = 0) becomes the upright top row.
    const src = new Uint8ClampedArray(4 * 2 * 4);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) src[(y * 4 + x) * 4] = x === 0 ? 200 : 10;
    const out = new Uint8ClampedArray(2 * 4 * 4);
    boxDownscaleRgba(src, 4, 2, 1, 90, out);
    const topRow = [out[0], out[4]];
    expect(topRow).toEqual([200, 200]);
    expect(out[2 * 4 * 3]).toBe(10);
  });
});

describe('downscaleFrameInto', () => {
  it('copies the frame at full size and averages it, reusing its buffers; no factor for a size it cannot make', async () => {
    let copies = 0;
    const src = frame(4, 2);
    const source = {
      ...src,
      copyTo: async (dest: Uint8ClampedArray) => {
        copies++;
        dest.fill(100);
      },
    };
    const out = new Uint8ClampedArray(2 * 1 * 4);
    const scratch = { full: null, rowSums: null };
    await downscaleFrameInto(source, wholeDownscaleFactor(source, 2, 1)!, out, scratch);
    const full = scratch.full;
    await downscaleFrameInto(source, 2, out, scratch);
    expect(scratch.full).toBe(full);
    expect(copies).toBe(2);
    expect(Array.from(out)).toEqual([100, 100, 100, 255, 100, 100, 100, 255]);
    expect(wholeDownscaleFactor(source, 3, 1)).toBeNull();
    expect(copies).toBe(2);
  });
});
