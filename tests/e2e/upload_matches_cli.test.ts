/**
 * The app's upload pipeline (WebCodecs decode in the pose workers, the frame copied out of the
 * decoder as RGBA or drawn upright, the clip shared by two workers) gives the track the Node CLI
 * gave (ffmpeg decode, one estimator): the committed fixtures/tracks/side-two-reps-good.json, made
 * with the full model. Two decoders convert YUV to RGB their own way, so the keypoints may differ
 * a little: the gap must stay below the track's own frame-to-frame jitter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PoseFrame, PoseTrack } from '../../src/core/types';
import { keypointGaps } from '../../src/pipeline/video_parts';
import { baseUrl, clip, launch, repoRoot, skipReason, type Session } from './harness';
import { jitter, percentile } from './keypoint_noise';

const reason = skipReason(true);
if (reason) console.warn(`upload vs CLI e2e skipped: ${reason}`);

describe.skipIf(reason !== null)('upload in the browser vs the Node CLI', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    await session.page.goto(baseUrl());
    await session.page.waitForFunction(() => 'analyzeVideoFile' in ((window as unknown as { __squatDebug?: object }).__squatDebug ?? {}));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('side-two-reps-good.mp4, full model, two workers: the CLI track within its own jitter', async () => {
    const cli = JSON.parse(readFileSync(path.join(repoRoot, 'fixtures/tracks/side-two-reps-good.json'), 'utf8')) as PoseTrack;
    const bytes = readFileSync(clip('side-two-reps-good.mp4')).toString('base64');
    const browser = await session.page.evaluate(async (b64) => {
      const debug = (window as unknown as { __squatDebug: { analyzeVideoFile: (b: Blob, o: object) => Promise<{ track: PoseTrack; stats: { workers: number } }> } }).__squatDebug;
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'video/mp4' });
      const r = await debug.analyzeVideoFile(blob, { name: 'cli.mp4', model: 'full', pose: { workers: 2, wasmThreads: 1 } });
      // The track's frames are packed (getters): JSON gives their keypoints as plain objects.
      return { frames: JSON.parse(JSON.stringify(r.track.frames)) as PoseFrame[], workers: r.stats.workers };
    }, bytes);
    expect(browser.workers).toBe(2);
    expect(browser.frames).toHaveLength(cli.frames.length);
    browser.frames.forEach((f, i) => expect(f.t).toBeCloseTo(cli.frames[i].t, 3));
    const gaps = browser.frames.flatMap((f, i) => keypointGaps(f, cli.frames[i]));
    const noise = jitter(cli.frames);
    console.info(
      `browser vs CLI over ${gaps.length} keypoints: median ${percentile(gaps, 0.5).toFixed(3)} px, p95 ${percentile(gaps, 0.95).toFixed(3)} px, max ${Math.max(...gaps).toFixed(2)} px; CLI jitter median ${percentile(noise, 0.5).toFixed(3)} px, p95 ${percentile(noise, 0.95).toFixed(3)} px`,
    );
    expect(percentile(gaps, 0.5)).toBeLessThanOrEqual(percentile(noise, 0.5));
    expect(percentile(gaps, 0.95)).toBeLessThanOrEqual(percentile(noise, 0.95));
  });
});
