/**
 * BlazePose's landmark input, cut straight from the frame's RGBA bytes.
 *
 * pose-detection (2.1.3, shared/calculators/convert_image_to_tensor.js, after MediaPipe's
 * ImageToTensorCalculator) turns the whole frame into a float tensor, casts it, and samples the
 * region of interest into 256 x 256 with tf.image.transform (bilinear, zero outside the frame),
 * then scales the values to [0, 1]. On the wasm backend that is about 3 ms to build the 540 x 960
 * frame tensor and 4-6 ms in the Transform kernel, for a 196,608-value crop
 * (`npx tsx bench/pose_kernels.ts`, docs/pose.md). This file samples the same crop from the bytes
 * with the same float32 arithmetic as tfjs-backend-wasm's Transform kernel
 * (tfjs-backend-wasm/src/cc/kernels/Transform.cc: projective map, floor, two horizontal then one
 * vertical interpolation, in that order) and its Multiply: every Math.fround below is one float32
 * operation there. Results equal pose-detection's bit for bit (tests/unit/landmark_crop.test.ts).
 *
 * The geometry (getRoi, padRoi, getRotatedSubRectToRectTransformMatrix,
 * getProjectiveTransformMatrix in pose-detection's shared/calculators) is restated here because
 * pose-detection does not export it; the test compares it with the library's own.
 */
import type { RgbaFrame } from './types';

/** BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG: 256 x 256, aspect kept, values 0..1, zero border. */
export const LANDMARK_INPUT_SIZE = 256;

export interface NormalizedRect {
  xCenter: number;
  yCenter: number;
  width: number;
  height: number;
  rotation?: number;
}

export interface Padding {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface CropGeometry {
  /** Letterbox padding as shares of the output, for removeLandmarkLetterbox. */
  padding: Padding;
  /** The 4 x 4 sub-rect-to-rect matrix pose-detection hands on (rows). */
  transformationMatrix: number[][];
  /** tf.image.transform's 8 numbers: output pixel -> input pixel. */
  projective: number[];
}

/** convertImageToTensor's geometry for a normalised region of a width x height frame. */
export function landmarkCropGeometry(imageSize: { width: number; height: number }, normRect: NormalizedRect, size = LANDMARK_INPUT_SIZE): CropGeometry {
  const { width, height } = imageSize;
  // getRoi: the region in pixels.
  const roi = { xCenter: normRect.xCenter * width, yCenter: normRect.yCenter * height, width: normRect.width * width, height: normRect.height * height, rotation: normRect.rotation ?? 0 };
  // padRoi with keepAspectRatio: widen or heighten the region to the output's aspect ratio.
  const tensorAspect = size / size;
  const roiAspect = roi.height / roi.width;
  let horizontal = 0;
  let vertical = 0;
  if (tensorAspect > roiAspect) {
    const newHeight = roi.width * tensorAspect;
    vertical = (1 - roiAspect / tensorAspect) / 2;
    roi.height = newHeight;
  } else {
    const newWidth = roi.height / tensorAspect;
    horizontal = (1 - tensorAspect / roiAspect) / 2;
    roi.width = newWidth;
  }
  // getRotatedSubRectToRectTransformMatrix, no flip.
  const a = roi.width;
  const b = roi.height;
  const c = Math.cos(roi.rotation);
  const d = Math.sin(roi.rotation);
  const e = roi.xCenter;
  const f = roi.yCenter;
  const g = 1.0 / width;
  const h = 1.0 / height;
  const m = [
    [a * c * 1 * g, -b * d * g, 0.0, (-0.5 * a * c * 1 + 0.5 * b * d + e) * g],
    [a * d * 1 * h, b * c * h, 0.0, (-0.5 * b * c - 0.5 * a * d * 1 + f) * h],
    [0.0, 0.0, a * g, 0.0],
    [0.0, 0.0, 0.0, 1.0],
  ];
  // getProjectiveTransformMatrix.
  const projective = [
    (1 / size) * m[0][0] * width,
    (1 / size) * m[0][1] * width,
    m[0][3] * width,
    (1 / size) * m[1][0] * height,
    (1 / size) * m[1][1] * height,
    m[1][3] * height,
    0,
    0,
  ];
  return { padding: { top: vertical, left: horizontal, right: horizontal, bottom: vertical }, transformationMatrix: m, projective };
}

const f32 = Math.fround;
/** shiftImageValue's scale for [0, 255] -> [0, 1], as the float32 scalar tfjs multiplies by. */
const SCALE_TO_UNIT = f32(1 / 255);

/**
 * The region sampled into `out` (size x size x 3, row-major, values 0..1): what
 * convertImageToTensor gives for the same frame as a tensor, without building that tensor.
 */
export function cropLandmarkInput(frame: RgbaFrame, projective: readonly number[], out: Float32Array, size = LANDMARK_INPUT_SIZE): Float32Array {
  const { data, width, height } = frame;
  if (out.length < size * size * 3) throw new Error(`landmark crop: output holds ${out.length} values, needs ${size * size * 3}`);
  const t0 = f32(projective[0]);
  const t1 = f32(projective[1]);
  const t2 = f32(projective[2]);
  const t3 = f32(projective[3]);
  const t4 = f32(projective[4]);
  const t5 = f32(projective[5]);
  const t6 = f32(projective[6]);
  const t7 = f32(projective[7]);
  const stride = width * 4;
  let o = 0;
  for (let oy = 0; oy < size; oy++) {
    const t1y = f32(t1 * oy);
    const t4y = f32(t4 * oy);
    const t7y = f32(t7 * oy);
    for (let ox = 0; ox < size; ox++, o += 3) {
      // float projection = t6 * x + t7 * y + 1.0 (the 1.0 is a double, then stored as float).
      const projection = f32(f32(f32(t6 * ox) + t7y) + 1.0);
      if (projection === 0) {
        out[o] = out[o + 1] = out[o + 2] = 0;
        continue;
      }
      let x = f32(f32(f32(t0 * ox) + t1y) + t2);
      let y = f32(f32(f32(t3 * ox) + t4y) + t5);
      if (projection !== 1) {
        x = f32(x / projection);
        y = f32(y / projection);
      }
      const xFloor = Math.floor(x);
      const yFloor = Math.floor(y);
      const xCeil = xFloor + 1;
      const yCeil = yFloor + 1;
      const wRight = f32(x - xFloor);
      const wLeft = f32(xCeil - x);
      const wDown = f32(y - yFloor);
      const wUp = f32(yCeil - y);
      if (xFloor >= 0 && yFloor >= 0 && xCeil < width && yCeil < height) {
        // All four neighbours in the frame (nearly every sample of a tracked crop).
        const i = yFloor * stride + xFloor * 4;
        const j = i + stride;
        out[o] = f32(f32(f32(wUp * f32(f32(wLeft * data[i]) + f32(wRight * data[i + 4]))) + f32(wDown * f32(f32(wLeft * data[j]) + f32(wRight * data[j + 4])))) * SCALE_TO_UNIT);
        out[o + 1] = f32(f32(f32(wUp * f32(f32(wLeft * data[i + 1]) + f32(wRight * data[i + 5]))) + f32(wDown * f32(f32(wLeft * data[j + 1]) + f32(wRight * data[j + 5])))) * SCALE_TO_UNIT);
        out[o + 2] = f32(f32(f32(wUp * f32(f32(wLeft * data[i + 2]) + f32(wRight * data[i + 6]))) + f32(wDown * f32(f32(wLeft * data[j + 2]) + f32(wRight * data[j + 6])))) * SCALE_TO_UNIT);
        continue;
      }
      for (let ch = 0; ch < 3; ch++) {
        const a = pixel(data, width, height, yFloor, xFloor, ch);
        const b = pixel(data, width, height, yFloor, xCeil, ch);
        const c = pixel(data, width, height, yCeil, xFloor, ch);
        const d = pixel(data, width, height, yCeil, xCeil, ch);
        const top = f32(f32(wLeft * a) + f32(wRight * b));
        const bottom = f32(f32(wLeft * c) + f32(wRight * d));
        // shiftImageValue: value * (1 / 255) + 0.
        out[o + ch] = f32(f32(f32(wUp * top) + f32(wDown * bottom)) * SCALE_TO_UNIT);
      }
    }
  }
  return out;
}

/** One channel of one pixel; zero outside the frame (fill mode 'constant', value 0). */
function pixel(data: RgbaFrame['data'], width: number, height: number, y: number, x: number, ch: number): number {
  return y >= 0 && y < height && x >= 0 && x < width ? data[(y * width + x) * 4 + ch] : 0;
}
