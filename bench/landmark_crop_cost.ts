/**
 * What a tracked frame's 256 x 256 landmark input costs, both ways (Node, wasm, one thread):
 * pose-detection's (a float tensor of the whole 540 x 960 frame, then convertImageToTensor's
 * cast and tf.image.transform) against src/pose/landmark_crop.ts (the same crop sampled from the
 * RGBA bytes, then a 256 x 256 tensor). Medians of 40 runs, three rounds.
 *
 *   npx tsx bench/landmark_crop_cost.ts
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { cropLandmarkInput, landmarkCropGeometry, LANDMARK_INPUT_SIZE } from '../src/pose/landmark_crop';

const require = createRequire(import.meta.url);
const { convertImageToTensor } = require('@tensorflow-models/pose-detection/dist/shared/calculators/convert_image_to_tensor.js');
const { BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG } = require('@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants.js');

await tf.setBackend('wasm');
await tf.ready();
const width = 540;
const height = 960;
const n = width * height;
const data = new Uint8ClampedArray(n * 4);
for (let i = 0; i < data.length; i++) data[i] = (i * 7919) & 255;
const rgb = new Float32Array(n * 3);
// A lifter's region as BlazePose tracks it: most of the frame's width, half its height, tilted.
const roi = { xCenter: 0.52, yCenter: 0.55, width: 0.9, height: 0.5, rotation: 0.08 };
const out = new Float32Array(LANDMARK_INPUT_SIZE * LANDMARK_INPUT_SIZE * 3);

function median(f: () => void, runs = 40): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[runs >> 1];
}

const wholeFrameTensor = () => {
  for (let i = 0, j = 0, o = 0; i < n; i++, j += 4, o += 3) {
    rgb[o] = data[j];
    rgb[o + 1] = data[j + 1];
    rgb[o + 2] = data[j + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'float32');
};

for (let round = 1; round <= 3; round++) {
  const tensorMs = median(() => wholeFrameTensor().dispose());
  const library = median(() => {
    const image = wholeFrameTensor();
    const cast = tf.cast(image, 'float32');
    const { imageTensor } = convertImageToTensor(cast, BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG, { ...roi });
    imageTensor.dataSync();
    tf.dispose([image, cast, imageTensor]);
  });
  const cropOnly = median(() => cropLandmarkInput({ data, width, height }, landmarkCropGeometry({ width, height }, roi).projective, out));
  const ours = median(() => {
    cropLandmarkInput({ data, width, height }, landmarkCropGeometry({ width, height }, roi).projective, out);
    const t = tf.tensor4d(out, [1, LANDMARK_INPUT_SIZE, LANDMARK_INPUT_SIZE, 3]);
    t.dataSync();
    t.dispose();
  });
  console.log(
    `round ${round}: pose-detection ${library.toFixed(2)} ms (whole-frame tensor alone ${tensorMs.toFixed(2)}); ` +
      `from the bytes ${ours.toFixed(2)} ms (crop alone ${cropOnly.toFixed(2)}); ratio ${(library / ours).toFixed(2)}x`,
  );
}
