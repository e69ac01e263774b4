/**
 * The annotated video export as a user gets it: analyse a shared clip, press "Save annotated
 * video", and decode the downloaded file with ffmpeg: same frame count and frame times as the
 * source, and at a keypoint of the stored pose track the skeleton's colour where the source frame
 * has none. The same in a browser that cannot encode H.264 (VideoEncoder told so before the page
 * loads), which must fall back to WebM. Then the side-by-side review of two reps as one video.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { baseUrl, clip, launch, skipReason, type Session } from './harness';
import { tempDir, uploadAndWaitForHistory } from './upload_helpers';
import { openAppForSuite } from './app_session';

const reason = skipReason(true);
if (reason) console.warn(`annotated video e2e skipped: ${reason}`);

const CLIP = 'side-deep-good-rotated.mp4';

function probe(file: string): { frames: number; codec: string; width: number; height: number; times: number[] } {
  const json = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,codec_name,width,height', '-of', 'json', file], { encoding: 'utf8' }),
  );
  const times = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', file], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .filter(Boolean)
    .map(Number);
  const s = json.streams[0];
  return { frames: Number(s.nb_read_frames), codec: s.codec_name, width: s.width, height: s.height, times };
}

/** One frame as RGB bytes, `width` pixels wide as displayed (ffmpeg applies a rotation tag, as the app does). */
function frameRgb(file: string, index: number, width: number): { data: Buffer; width: number } {
  const data = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${index})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 * 1024 * 1024 });
  expect(data.length % (width * 3)).toBe(0);
  return { data, width };
}

function patchMean(frame: { data: Buffer; width: number }, x: number, y: number): [number, number, number] {
  const sum = [0, 0, 0];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const i = ((Math.round(y) + dy) * frame.width + Math.round(x) + dx) * 3;
      for (let c = 0; c < 3; c++) sum[c]! += frame.data[i + c]!;
    }
  }
  return sum.map((v) => v / 9) as [number, number, number];
}

const SKELETON_COLOURS: [number, number, number][] = [
  [0x2f, 0x7b, 0xd8], // left
  [0xe8, 0x78, 0x1e], // right
  [0xff, 0xd4, 0x00], // highlight
];
function distanceToSkeleton(rgb: [number, number, number]): number {
  return Math.min(...SKELETON_COLOURS.map((c) => Math.hypot(c[0] - rgb[0], c[1] - rgb[1], c[2] - rgb[2])));
}

/** The surest of these joints in one frame of the newest session's stored pose track (read from IndexedDB as devtools would). */
async function storedKeypoint(page: Page, frameIndex: number, names: readonly string[]): Promise<{ name: string; x: number; y: number; score: number; frames: number }> {
  return page.evaluate(
    ([i, keypoint]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('squat-analyzer-recordings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessionData').objectStore('sessionData').getAll();
          request.onsuccess = () => {
            const track = request.result.at(-1).track as { names: string[]; values: Float32Array; t: Float64Array };
            const found = (keypoint as string[]).map((name) => {
              const at = ((i as number) * track.names.length + track.names.indexOf(name)) * 3;
              return { name, x: track.values[at]!, y: track.values[at + 1]!, score: track.values[at + 2]!, frames: track.t.length };
            });
            resolve(found.sort((a, b) => b.score - a.score)[0]!);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [frameIndex, names] as const,
  );
}

async function saveDownload(page: Page, testId: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.getByTestId(testId).click()]);
  const file = path.join(dir, download.suggestedFilename());
  copyFileSync((await download.path())!, file);
  return file;
}

describe.skipIf(reason !== null)('annotated video export', () => {
  const dir = tempDir('squat-annotated-');
  let session: Session;
  openAppForSuite((opened) => (session = opened));

  it('MP4 (H.264): the source frame count and frame times, the skeleton where the keypoints are', async () => {
    const { page } = session;
    await uploadAndWaitForHistory(session.page, clip(CLIP));
    const file = await saveDownload(page, 'export-annotated-video', dir);
    expect(path.basename(file)).toBe('side-deep-good-rotated-annotated.mp4');
    const status = page.getByTestId('export-video-status');
    expect(await status.getAttribute('data-container')).toBe('mp4');

    const source = probe(clip(CLIP));
    const out = probe(file);
    expect(out.codec).toBe('h264');
    // Displayed upright, as the app shows it: 480x848 (the source is stored 848x480, rotated 90 degrees).
    expect([out.width, out.height]).toEqual([480, 848]);
    expect(out.frames).toBe(source.frames);
    expect(out.times).toHaveLength(source.times.length);
    out.times.forEach((t, i) => expect(Math.abs(t - source.times[i]!)).toBeLessThan(0.001));
    console.log(`mp4: ${out.frames} frames (source ${source.frames}), largest frame-time difference ${(Math.max(...out.times.map((t, i) => Math.abs(t - source.times[i]!))) * 1000).toFixed(3)} ms`);

    // Pixel check at a joint of the stored track, mid-clip: an ankle or heel (the default labels sit
    // beside the knees and hips and may cover those joints).
    const index = Math.floor(source.frames / 2);
    const knee = await storedKeypoint(page, index, ['left_ankle', 'right_ankle', 'left_heel', 'right_heel']);
    expect(knee.frames).toBe(source.frames);
    expect(knee.score).toBeGreaterThan(0.5);
    const burned = patchMean(frameRgb(file, index, 480), knee.x, knee.y);
    const original = patchMean(frameRgb(clip(CLIP), index, 480), knee.x, knee.y);
    console.log(`joint ${knee.name} at (${knee.x.toFixed(1)}, ${knee.y.toFixed(1)}) frame ${index}: burned ${burned.map(Math.round)}, source ${original.map(Math.round)}`);
    expect(distanceToSkeleton(burned)).toBeLessThan(70);
    expect(distanceToSkeleton(original)).toBeGreaterThan(distanceToSkeleton(burned) + 40);
    expect(session.offOriginRequests).toEqual([]);
  });

  it('shows progress and can be cancelled', async () => {
    const { page } = session;
    await page.getByTestId('export-annotated-video').click();
    await page.getByTestId('export-video-progress').waitFor();
    await page.getByTestId('export-video-cancel').click();
    await page.getByTestId('export-video-progress').waitFor({ state: 'detached' });
    expect(await page.getByTestId('export-video-status').count()).toBe(0);
  });

  it('the side-by-side review of two reps as one video, both panels in it', async () => {
    const { page } = session;
    await uploadAndWaitForHistory(page, clip('front-two-reps-good.mp4'));
    await page.getByTestId('open-review').click();
    await page.locator('[data-pair="first-last"]').click();
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    const file = await saveDownload(page, 'export-comparison-video', dir);
    const out = probe(file);
    // Two 852x480 panels at full height with an 8 px gap, and a caption strip below.
    expect(out.width).toBe(852 * 2 + 8);
    expect(out.height).toBeGreaterThan(480);
    // 30 fps on the phase clock: frame k at k/30 s.
    expect(out.frames).toBeGreaterThan(30);
    out.times.forEach((t, k) => expect(Math.abs(t - k / 30)).toBeLessThan(0.001));
  });
});

describe.skipIf(reason !== null)('annotated video export where H.264 cannot be encoded', () => {
  it('falls back to WebM with the same frames', async () => {
    const session = await launch();
    try {
      const { page } = session;
      // A browser without an H.264 encoder (e.g. a Linux build without OpenH264).
      await page.addInitScript(() => {
        const original = VideoEncoder.isConfigSupported.bind(VideoEncoder);
        VideoEncoder.isConfigSupported = async (config: VideoEncoderConfig) => (config.codec.startsWith('avc') ? { supported: false, config } : original(config));
      });
      await page.goto(baseUrl());
      await uploadAndWaitForHistory(session.page, clip(CLIP));
      const file = await saveDownload(page, 'export-annotated-video', tempDir('squat-annotated-webm-'));
      expect(path.extname(file)).toBe('.webm');
      const out = probe(file);
      expect(out.codec).toBe('vp9');
      const source = probe(clip(CLIP));
      expect(out.frames).toBe(source.frames);
      // WebM keeps time in milliseconds.
      out.times.forEach((t, i) => expect(Math.abs(t - source.times[i]!)).toBeLessThanOrEqual(0.0011));
    } finally {
      await session.close();
    }
  });
});
