/**
 * The pose module in headless Chromium behaves like the one in Node (issue 2, item 3): the Web
 * Worker client picks wasm on this GPU-less machine and says why, finds the lifter on every frame
 * of a rotated phone clip, and its keypoints match Node's for the same frames. No request leaves
 * the page's origin.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPoseBenchPage, type PoseBenchPage } from '../../bench/pose_bench_server';
import type { BrowserBenchResult } from '../../bench/pose_bench_page';
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseFrame } from '../../src/core/types';
import { createNodePoseEstimator } from '../../src/pose/node';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const clip = path.resolve(repoRoot, '../shared/fixtures/clips/side-deep-good-rotated.mp4');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
const skip = !existsSync(chromiumPath)
  ? `Chromium not found at ${chromiumPath}`
  : !hasFfmpeg
    ? 'ffmpeg not on PATH'
    : !existsSync(clip)
      ? `${clip} not found (../shared absent)`
      : null;
if (skip) console.warn(`pose_worker e2e skipped: ${skip}`);

// Displayed size of the rotated clip (stored 848x480, rotation tag -90).
const W = 480;
const H = 848;
const N = 12;

function maxKeypointGapPx(a: PoseFrame[], b: PoseFrame[]): number {
  let worst = 0;
  a.forEach((fa, i) => {
    const fb = b[i];
    if (!fa.keypoints || !fb.keypoints) return;
    fa.keypoints.forEach((k, j) => {
      // Only keypoints the model is sure of: occluded ones (score < 0.5) wander by design.
      if (k.score < 0.5) return;
      worst = Math.max(worst, Math.hypot(k.x - fb.keypoints![j].x, k.y - fb.keypoints![j].y));
    });
  });
  return worst;
}

describe.skipIf(skip !== null)('pose in headless Chromium vs Node', () => {
  let page: PoseBenchPage;
  let node: PoseFrame[];
  let raw: BrowserBenchResult;
  let worker: BrowserBenchResult;
  let twoThreads: BrowserBenchResult;

  beforeAll(async () => {
    const rgba = execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-frames:v', String(N), '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(rgba.length).toBe(N * W * H * 4);
    const est = await createNodePoseEstimator({ model: 'lite' });
    node = [];
    for (let i = 0; i < N; i++) {
      node.push(await est.estimate({ data: new Uint8Array(rgba.buffer, rgba.byteOffset + i * W * H * 4, W * H * 4), width: W, height: H }, i / 30));
    }
    est.dispose();
    page = await openPoseBenchPage({ repoRoot, chromiumPath, port: 5330, frames: rgba, frameBytes: W * H * 4 });
    const req = { model: 'lite' as const, width: W, height: H, frameCount: N, warmup: 0, fps: 30, keepFrames: true };
    raw = await page.run({ ...req, mode: 'raw', input: 'rgba' });
    worker = await page.run({ ...req, mode: 'worker', threads: 1 });
    twoThreads = await page.run({ ...req, mode: 'worker', threads: 2 });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the worker client chose wasm and says why (no GPU here: software or no WebGL)', () => {
    expect(worker.backend).toBe('wasm');
    expect(worker.backendReason).toMatch(/software WebGL renderer|no WebGL/);
    expect(worker.crossOriginIsolated).toBe(true);
  });

  it('finds the lifter on every frame, with the 33 BlazePose names, in the displayed frame', () => {
    for (const r of [raw, worker]) {
      expect(r.personFrames).toBe(N);
      for (const f of r.poses!) {
        expect(f.keypoints!.map((k) => k.name)).toEqual([...BLAZEPOSE_KEYPOINT_NAMES]);
        expect(f.keypoints3D).toHaveLength(33);
        const hip = f.keypoints!.find((k) => k.name === 'left_hip')!;
        expect(hip.x).toBeGreaterThan(0);
        expect(hip.x).toBeLessThan(W);
        expect(hip.y).toBeGreaterThan(0);
        expect(hip.y).toBeLessThan(H);
      }
    }
    expect(worker.poses!.map((f) => f.t)).toEqual(node.map((f) => f.t));
  });

  it("matches Node's keypoints for the same frames (same model, same wasm kernels)", () => {
    const rawGap = maxKeypointGapPx(raw.poses!, node);
    const workerGap = maxKeypointGapPx(worker.poses!, node);
    console.info(`max keypoint gap vs Node: page rgba ${rawGap.toFixed(3)} px, worker bitmap ${workerGap.toFixed(3)} px`);
    // Same bytes in, same wasm kernels: only float rounding differs.
    expect(rawGap).toBeLessThan(0.5);
    // Bitmap path: the 2D canvas may round colours differently (colour management); still far
    // below BlazePose's own error of several pixels.
    expect(workerGap).toBeLessThan(1);
  });

  it('runs the wasm thread pool it is asked for, past the cap of half the cores tfjs applies, with the same keypoints', () => {
    expect(worker.threads).toBe(1);
    expect(twoThreads.threads).toBe(2);
    expect(maxKeypointGapPx(twoThreads.poses!, worker.poses!)).toBeLessThan(0.5);
  });

  it('loads nothing from outside its origin and throws no page errors', () => {
    expect(page.offOrigin).toEqual([]);
    expect(page.pageErrors).toEqual([]);
  });
});
