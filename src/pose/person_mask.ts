/**
 * The frame with other people's heads painted over, before it becomes BlazePose's input.
 *
 * BlazePose's landmark model sees a square crop around the person it follows, and that crop
 * easily holds a second person standing beside the first (a coach next to a lifter). Given such
 * a crop the model may return the other person, or a mix of both. Its detector and its crop are
 * both aligned on the head (pose-detection's poseDetectionToRoi), so painting the other people's
 * heads a flat grey is enough to keep it on the one it follows: measured on the shared clip with a
 * coach beside the lifter (docs/pose.md, "Several people").
 */
import type { RgbaFrame } from './types';

/** A rectangle in frame pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Mid grey: after BlazePose's input scaling it is the middle of the range, neither black nor white. */
export const MASK_VALUE = 128;

/** A copy of the RGBA frame with every rect (clipped to the frame) filled with opaque MASK_VALUE grey. */
export function maskedRgba(frame: RgbaFrame, masks: readonly PixelRect[]): RgbaFrame {
  const { width, height } = frame;
  const data = new Uint8ClampedArray(frame.data);
  for (const m of masks) {
    const x0 = Math.max(0, Math.floor(m.x));
    const x1 = Math.min(width, Math.ceil(m.x + m.width));
    const y0 = Math.max(0, Math.floor(m.y));
    const y1 = Math.min(height, Math.ceil(m.y + m.height));
    if (x1 <= x0 || y1 <= y0) continue;
    for (let y = y0; y < y1; y++) {
      data.fill(MASK_VALUE, (y * width + x0) * 4, (y * width + x1) * 4);
      for (let x = x0; x < x1; x++) data[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { data, width, height };
}
