/**
 * The webgl path is the one most users run (a laptop with a GPU), and nothing here has a GPU: so
 * webgl is forced on Chromium's software renderer (SwiftShader) for a few frames of a shared clip,
 * through the app's own worker client, and its keypoints must equal the wasm backend's within a
 * pixel or two (issue 11). Slow: SwiftShader runs BlazePose about ten times slower than wasm and
 * compiles its shaders for seconds on the first frame, so the frame count is kept small.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPoseBenchPage, type PoseBenchPage } from '../../bench/pose_bench_server';
import type { BrowserBenchResult } from '../../bench/pose_bench_page';
import { keypointGaps } from '../../src/pipeline/video_parts';
import { chromiumPath, clip, repoRoot, skipReason } from './harness';

const skip = skipReason(true);
if (skip) console.warn(`pose webgl e2e skipped: ${skip}`);
const clipPath = clip('side-two-reps-good.mp4');

const W = 540;
const H = 960;
const N = 4;

describe.skipIf(skip !== null)('BlazePose on webgl (SwiftShader) vs wasm', () => {
  let page: PoseBenchPage;
  let webgl: BrowserBenchResult;
  let wasm: BrowserBenchResult;

  beforeAll(async () => {
    const rgba = execFileSync('ffmpeg', ['-v', 'error', '-i', clipPath, '-frames:v', String(N), '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(rgba.length).toBe(N * W * H * 4);
    page = await openPoseBenchPage({ repoRoot, chromiumPath, port: 5331, frames: rgba, frameBytes: W * H * 4 });
    const req = { model: 'lite' as const, mode: 'worker' as const, width: W, height: H, frameCount: N, warmup: 0, fps: 30, keepFrames: true };
    webgl = await page.run({ ...req, backend: 'webgl' });
    wasm = await page.run({ ...req, backend: 'wasm' });
  });
  afterAll(async () => {
    await page?.close();
  });

  it('ran on webgl for real (no silent fallback), on a software renderer', () => {
    expect(webgl.backend).toBe('webgl');
    expect(wasm.backend).toBe('wasm');
    console.info(`webgl ${webgl.msPerFrame.map((ms) => ms.toFixed(0)).join(', ')} ms/frame (first includes shader compilation); wasm ${wasm.msPerFrame.map((ms) => ms.toFixed(0)).join(', ')} ms/frame`);
  });

  it('finds the lifter on every frame and puts every confident keypoint within 2 px of wasm', () => {
    expect(webgl.personFrames).toBe(N);
    expect(wasm.personFrames).toBe(N);
    const gaps = webgl.poses!.flatMap((f, i) => keypointGaps(f, wasm.poses![i]));
    expect(gaps.length).toBeGreaterThan(N * 20);
    const worst = Math.max(...gaps);
    console.info(`webgl vs wasm over ${gaps.length} confident keypoints: median ${[...gaps].sort((a, b) => a - b)[gaps.length >> 1].toFixed(3)} px, max ${worst.toFixed(3)} px`);
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('loads nothing from outside its origin and throws no page errors', () => {
    expect(page.offOrigin).toEqual([]);
    expect(page.pageErrors).toEqual([]);
  });
});
