/**
 * The whole estimator with the landmark crop cut from the bytes (the default) against the same
 * estimator going through pose-detection's own whole-frame path (`landmarkCrop: 'tfjs'`), frame
 * after frame of a real clip: BlazePose tracks, so each frame's region comes from the last frame's
 * landmarks and any difference would grow. Expected: identical keypoints, 2D and 3D, every frame.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePoseEstimator } from '../../../src/pose/node';
import type { PoseFrame } from '../../../src/core/types';
import type { PoseEstimator } from '../../../src/pose/types';
import { hasFfmpeg } from '../cli/helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clipsDir = path.resolve(repoRoot, '../shared/fixtures/clips');
const CLIPS = [
  { name: 'side-two-reps-good.mp4', width: 540, height: 960, frames: 60 },
  // Two people: the tracker masks the other person's head in the bytes it crops.
  { name: 'gym-oblique-goblet-two-people.mp4', width: 0, height: 0, frames: 35 },
];
const canRun = hasFfmpeg && CLIPS.every((c) => existsSync(path.join(clipsDir, c.name)));
if (!canRun) console.warn(`landmark_crop_clip: skipped (${hasFfmpeg ? `a clip of ${CLIPS.map((c) => c.name).join(', ')} is missing in ${clipsDir}` : 'no ffmpeg on PATH'})`);

function decode(name: string, count: number) {
  const file = path.join(clipsDir, name);
  const [width, height] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' })
    .trim()
    .split(',')
    .map(Number);
  // Scaled as the app scales frames (960 px long side at most), even sizes.
  const scale = Math.min(1, 960 / Math.max(width, height));
  const w = Math.round((width * scale) / 2) * 2;
  const h = Math.round((height * scale) / 2) * 2;
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', String(count), '-vf', `scale=${w}:${h}`, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 1 << 30 });
  const n = raw.length / (w * h * 4);
  return Array.from({ length: n }, (_, i) => ({ data: new Uint8Array(raw.buffer, raw.byteOffset + i * w * h * 4, w * h * 4), width: w, height: h }));
}

async function track(est: PoseEstimator, frames: ReturnType<typeof decode>): Promise<PoseFrame[]> {
  est.reset();
  const out: PoseFrame[] = [];
  for (let i = 0; i < frames.length; i++) out.push(await est.estimate(frames[i], i / 30));
  return out;
}

describe.skipIf(!canRun)('landmark crop from the bytes, on real clips', () => {
  let fromBytes: PoseEstimator;
  let library: PoseEstimator;
  beforeAll(async () => {
    fromBytes = await createNodePoseEstimator({ model: 'lite' });
    library = await createNodePoseEstimator({ model: 'lite', landmarkCrop: 'tfjs' });
  });
  afterAll(() => {
    fromBytes?.dispose();
    library?.dispose();
  });

  for (const clip of CLIPS) {
    it(`gives pose-detection's own keypoints on every frame of ${clip.name}`, async () => {
      const frames = decode(clip.name, clip.frames);
      const a = await track(fromBytes, frames);
      const b = await track(library, frames);
      expect(a.filter((f) => f.keypoints).length).toBeGreaterThan(frames.length * 0.8);
      expect(a).toEqual(b);
      if (clip.name.includes('two-people')) expect(a.some((f) => (f as { people?: unknown[] }).people?.length === 2)).toBe(true);
    });
  }
});
