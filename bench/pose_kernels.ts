/**
 * Where one BlazePose frame's time goes, by tfjs kernel (Node, wasm backend, one thread):
 * tf.profile() around estimate() on decoded frames of a shared clip, after 10 warm-up frames.
 * The kernel times are wall times as the wasm backend reports them, so a kernel that wraps another
 * (fusedConv2d__op around FusedConv2D) is listed twice: read the inner names.
 *
 *   npx tsx bench/pose_kernels.ts [lite|full] [width height]   (default lite at 540 x 960)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { createNodePoseEstimator } from '../src/pose/node';
import type { PoseModelName } from '../src/pose/types';

const clip = path.resolve(import.meta.dirname, '../../shared/fixtures/clips/side-two-reps-good.mp4');
const model = (process.argv[2] ?? 'lite') as PoseModelName;
const width = Number(process.argv[3] ?? 540);
const height = Number(process.argv[4] ?? 960);
const WARMUP = 10;
const FRAMES = 30;

const rgba = execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-frames:v', String(FRAMES), '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
  maxBuffer: 1 << 30,
});
const estimator = await createNodePoseEstimator({ model });
const byKernel = new Map<string, number>();
let wallMs = 0;
const frameBytes = width * height * 4;
for (let i = 0; i < FRAMES; i++) {
  const frame = { data: new Uint8Array(rgba.buffer, rgba.byteOffset + i * frameBytes, frameBytes), width, height };
  if (i < WARMUP) {
    await estimator.estimate(frame, i / 30);
    continue;
  }
  const start = performance.now();
  const info = await tf.profile(async () => {
    await estimator.estimate(frame, i / 30);
  });
  wallMs += performance.now() - start;
  for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
}
const measured = FRAMES - WARMUP;
console.log(`blazepose-${model}, ${width} x ${height}, ${estimator.backend} x ${estimator.threads ?? 1} thread(s): ${(wallMs / measured).toFixed(1)} ms per frame while profiled`);
for (const [name, ms] of [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(ms / measured).toFixed(2).padStart(8)} ms  ${name}`);
