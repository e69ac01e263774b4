/**
 * The frame as BlazePose input with other people's heads painted over.
 *
 * BlazePose's landmark model sees a square crop around the person it follows, and that crop
 * easily holds a second person standing beside the first (a coach next to a lifter). Given such
 * a crop the model may return the other person, or a mix of both. Its detector and its crop are
 * both aligned on the head (pose-detection's poseDetectionToRoi), so painting the other people's
 * heads a flat grey is enough to keep it on the one it follows: measured on the shared clip with a
 * coach beside the lifter (docs/pose.md, "Several people").
 */
import * as tf from '@tensorflow/tfjs-core';
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

/** RGBA bytes -> float32 [h, w, 3] tensor (0..255) with every rect filled with MASK_VALUE. */
export function maskedRgbTensor(frame: RgbaFrame, masks: readonly PixelRect[]): tf.Tensor3D {
  const { width, height, data } = frame;
  const n = width * height;
  if (data.length < n * 4) throw new Error(`RGBA frame too short: ${data.length} bytes for ${width}x${height}`);
  const rgb = new Float32Array(n * 3);
  for (let i = 0, j = 0, o = 0; i < n; i++, j += 4, o += 3) {
    rgb[o] = data[j];
    rgb[o + 1] = data[j + 1];
    rgb[o + 2] = data[j + 2];
  }
  for (const m of masks) {
    const x0 = Math.max(0, Math.floor(m.x));
    const x1 = Math.min(width, Math.ceil(m.x + m.width));
    const y0 = Math.max(0, Math.floor(m.y));
    const y1 = Math.min(height, Math.ceil(m.y + m.height));
    if (x1 <= x0 || y1 <= y0) continue;
    for (let y = y0; y < y1; y++) rgb.fill(MASK_VALUE, (y * width + x0) * 3, (y * width + x1) * 3);
  }
  return tf.tensor3d(rgb, [height, width, 3], 'float32');
}
