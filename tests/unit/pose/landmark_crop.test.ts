/**
 * The landmark crop cut from RGBA bytes (src/pose/landmark_crop.ts) against pose-detection's own
 * convertImageToTensor on tfjs's wasm backend: the same geometry and the same float32 values,
 * bit for bit, for regions inside, across and outside the frame, at any rotation.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cropLandmarkInput, landmarkCropGeometry, LANDMARK_INPUT_SIZE, type NormalizedRect } from '../../../src/pose/landmark_crop';

// pose-detection's calculators are not exported; its CommonJS build is read here only to compare.
const require = createRequire(import.meta.url);
const { convertImageToTensor } = require('@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js') as {
  convertImageToTensor: (image: tf.Tensor3D, config: object, roi: NormalizedRect) => { imageTensor: tf.Tensor4D; padding: object; transformationMatrix: number[][] };
};
const { BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG } = require('@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js') as { BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG: object };

/** A deterministic frame with edges and gradients (random bytes would hide a swapped axis less well). */
function testFrame(width: number, height: number, seed: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  let s = seed >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      const i = (y * width + x) * 4;
      data[i] = (x * 255) / width + (s & 15);
      data[i + 1] = (y * 255) / height;
      data[i + 2] = ((x >> 4) + (y >> 4)) % 2 ? s >>> 24 : 255 - ((s >>> 16) & 255);
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

function libraryCrop(frame: ReturnType<typeof testFrame>, roi: NormalizedRect) {
  const rgb = new Float32Array(frame.width * frame.height * 3);
  for (let i = 0, j = 0; i < frame.width * frame.height; i++, j += 4) {
    rgb[i * 3] = frame.data[j];
    rgb[i * 3 + 1] = frame.data[j + 1];
    rgb[i * 3 + 2] = frame.data[j + 2];
  }
  const image = tf.tensor3d(rgb, [frame.height, frame.width, 3], 'float32');
  const { imageTensor, padding, transformationMatrix } = convertImageToTensor(image, BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG, { ...roi });
  const values = imageTensor.dataSync() as Float32Array;
  tf.dispose([image, imageTensor]);
  return { values, padding, transformationMatrix };
}

function ourCrop(frame: ReturnType<typeof testFrame>, roi: NormalizedRect) {
  const geometry = landmarkCropGeometry(frame, roi);
  const values = cropLandmarkInput(frame, geometry.projective, new Float32Array(LANDMARK_INPUT_SIZE * LANDMARK_INPUT_SIZE * 3));
  return { values, padding: geometry.padding, transformationMatrix: geometry.transformationMatrix };
}

/** Count of values whose float32 bits differ. */
function bitDifferences(a: Float32Array, b: Float32Array): number {
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (ua[i] !== ub[i]) n++;
  return n;
}

describe('landmark crop from RGBA', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  const frame = testFrame(540, 960, 7);

  it('equals pose-detection on a typical tracked region (upright lifter, part of the frame)', () => {
    const roi = { xCenter: 0.52, yCenter: 0.55, width: 0.9, height: 0.5, rotation: 0.08 };
    const ours = ourCrop(frame, roi);
    const theirs = libraryCrop(frame, roi);
    expect(ours.padding).toEqual(theirs.padding);
    expect(ours.transformationMatrix).toEqual(theirs.transformationMatrix);
    expect(bitDifferences(ours.values, theirs.values)).toBe(0);
  });

  it('changes when a single source pixel the crop reads changes (the comparison can fail)', () => {
    const roi = { xCenter: 0.5, yCenter: 0.5, width: 0.5, height: 0.3, rotation: 0 };
    const before = ourCrop(frame, roi).values.slice();
    const altered = { ...frame, data: frame.data.slice() };
    const i = (480 * 540 + 270) * 4;
    altered.data[i] = altered.data[i] > 128 ? 0 : 255;
    expect(bitDifferences(before, ourCrop(altered, roi).values)).toBeGreaterThan(0);
  });

  it('equals pose-detection bit for bit for any region, rotation and frame size (property)', () => {
    const small = testFrame(97, 173, 3);
    fc.assert(
      fc.property(
        fc.record({
          xCenter: fc.double({ min: -0.3, max: 1.3, noNaN: true }),
          yCenter: fc.double({ min: -0.3, max: 1.3, noNaN: true }),
          width: fc.double({ min: 0.05, max: 2, noNaN: true }),
          height: fc.double({ min: 0.05, max: 2, noNaN: true }),
          rotation: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        }),
        fc.boolean(),
        (roi, useSmall) => {
          const f = useSmall ? small : frame;
          const ours = ourCrop(f, roi);
          const theirs = libraryCrop(f, roi);
          expect(ours.padding).toEqual(theirs.padding);
          expect(ours.transformationMatrix).toEqual(theirs.transformationMatrix);
          expect(bitDifferences(ours.values, theirs.values)).toBe(0);
        },
      ),
      { numRuns: 120, seed: 20261202 },
    );
  });
});
