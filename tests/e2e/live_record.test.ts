/**
 * The Record tab end to end, on Chromium's fake camera playing a .y4m made at test time from a
 * shared clip (side-two-reps-good: two squats, looping): the live skeleton appears, a recording
 * of a few seconds is stored in IndexedDB and is still there after a page reload (also when the
 * reload cuts the recording off), the full analysis runs on it, and the report shows the reps.
 * Chromium records H.264 here (src/video/recorder.ts), in Matroska while recording and as an MP4
 * once stopped or recovered, so every test below goes through that codec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseUrl, clip, launch, screenshot, skipReason } from './harness';

const reason = skipReason(true);
if (reason) console.warn(`e2e live recording skipped: ${reason}`);

interface StoredRecording {
  id: string;
  status: string;
  bytes: number;
  chunkBytes: number;
  chunks: number;
  finalized: boolean;
  mimeType: string;
  /** The first 8 bytes of the first chunk, hex: EBML (Matroska/WebM) starts 1a45dfa3, MP4 has 'ftyp' at 4. */
  head: string;
}

/** Reads the recordings database directly, bypassing the app. */
async function storedRecordings(page: Page): Promise<StoredRecording[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecording[]>((resolve, reject) => {
        const open = indexedDB.open('squat-analyzer-recordings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('recordings')) {
            resolve([]);
            return;
          }
          const tx = db.transaction(['recordings', 'chunks'], 'readonly');
          const recs = tx.objectStore('recordings').getAll();
          const chunks = tx.objectStore('chunks').getAll();
          tx.oncomplete = () => {
            const out = (recs.result as { id: string; status: string; bytes: number; finalized: boolean; mimeType: string }[]).map((r) => {
              const mine = (chunks.result as { recordingId: string; seq: number; data: ArrayBuffer }[]).filter((c) => c.recordingId === r.id);
              const first = mine.find((c) => c.seq === 0);
              return {
                id: r.id,
                status: r.status,
                bytes: r.bytes,
                finalized: r.finalized,
                mimeType: r.mimeType,
                head: first ? [...new Uint8Array(first.data, 0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('') : '',
                chunks: mine.length,
                chunkBytes: mine.reduce((n, c) => n + c.data.byteLength, 0),
              };
            });
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

const EBML_MAGIC = '1a45dfa3';
/** 'ftyp' in hex, at bytes 4-8 of an MP4. */
const FTYP = '66747970';

/** The report's video: its duration once its metadata is in, and the type and first box of the file it plays. */
async function reportVideo(page: Page): Promise<{ duration: number; type: string; box: string }> {
  const video = page.getByTestId('analysed-video');
  await video.waitFor({ timeout: 30_000 });
  return video.evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true }));
    const blob = await (await fetch(v.currentSrc || v.src)).blob();
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    return { duration: v.duration, type: blob.type, box: String.fromCharCode(...head.subarray(4, 8)) };
  });
}

/** The videos kept with history sessions: their MIME types. */
async function keptVideoTypes(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('squat-analyzer-recordings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('sessionVideos', 'readonly').objectStore('sessionVideos').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { mimeType: string }[]).map((v) => v.mimeType));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function openRecordTab(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByTestId('live-recorder').waitFor();
}

async function startCameraAndWaitForSkeleton(page: Page): Promise<void> {
  await page.getByTestId('start-camera').click();
  await page.waitForFunction(() => Number((document.querySelector('[data-testid=live-overlay]') as HTMLElement | null)?.dataset.keypoints ?? 0) === 33, null, {
    timeout: 120_000,
  });
}

async function overlayInk(page: Page): Promise<number> {
  return page.getByTestId('live-overlay').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });
}

async function recordFor(page: Page, ms: number): Promise<void> {
  await page.getByTestId('countdown-select').selectOption('3');
  await page.getByTestId('record').click();
  await page.getByTestId('live-countdown').waitFor({ timeout: 5_000 });
  await page.getByTestId('live-rec').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(ms);
}

async function waitForReport(page: Page): Promise<number> {
  const repCount = page.getByTestId('rep-count');
  await repCount.waitFor({ timeout: 240_000 });
  const text = (await repCount.textContent()) ?? '';
  return Number.parseInt(text, 10);
}

/**
 * Chromium's fake camera loops its file. The clip starts at the bottom of a squat and ends
 * standing, so a plain loop jumps from standing to the bottom, which the analysis rightly sees
 * as extra (partial) reps. Played forward then backward, the loop is seamless: 5 squat bottoms
 * per 12.5 s (at 2.7, 5.2, 7.3, 9.8 and 12.5 s, from fixtures/tracks/side-two-reps-good.json),
 * each played the right way or reversed (a squat reversed is still a squat).
 */
function makeSeamlessY4m(clipPath: string, width: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'squat-live-y4m-'));
  const out = path.join(dir, 'palindrome.y4m');
  const filter = `[0:v]fps=30,scale=${width}:-2,split[a][b];[b]reverse[r];[a][r]concat=n=2:v=1:a=0,format=yuv420p`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clipPath, '-filter_complex', filter, out], { stdio: 'pipe' });
  return out;
}

describe.skipIf(reason !== null)('live recording on the fake camera', () => {
  let y4m = '';
  beforeAll(() => {
    y4m = makeSeamlessY4m(clip('side-two-reps-good.mp4'), 320);
  });
  afterAll(() => {
    if (y4m) rmSync(path.dirname(y4m), { recursive: true, force: true });
  });

  it('shows the live skeleton and set-up checks, records, stops with Space, keeps the file across a reload, and the report shows the reps', async () => {
    const session = await launch({ fakeCameraFile: y4m });
    const { page } = session;
    try {
      await openRecordTab(page);
      await startCameraAndWaitForSkeleton(page);
      expect(await overlayInk(page)).toBeGreaterThan(200);
      // Mirrored for the lifter by CSS on the container only; the video element itself is not
      // flipped, so the pixels the model and the recorder get are the camera's own.
      const transforms = await page.evaluate(() => ({
        mirror: getComputedStyle(document.querySelector('.live-mirror')!).transform,
        video: getComputedStyle(document.querySelector('[data-testid=live-video]')!).transform,
      }));
      expect(transforms).toEqual({ mirror: 'matrix(-1, 0, 0, 1, 0, 0)', video: 'none' });
      // On wasm with two or more cores a second pose worker joins and they take frames in turn
      // (src/live/live_pose_pool.ts); the stats line says so.
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      if (cores >= 2 && (await page.evaluate(() => document.documentElement.dataset.poseBackend)) === 'wasm') {
        await page.waitForFunction(() => document.querySelector('[data-testid=live-stats]')?.getAttribute('data-pose-workers') === '2', null, { timeout: 60_000 });
        expect(await page.getByTestId('live-stats').textContent()).toContain('2 workers taking turns');
      }
      await page.getByTestId('setup-panel').waitFor();
      // The clip is a side view of a woman, whole body in frame.
      await page.waitForFunction(() => document.querySelector('[data-testid=setup-view]')?.getAttribute('data-view') === 'side', null, { timeout: 30_000 });
      await expect(page.getByTestId('setup-view').textContent()).resolves.toContain('Face the camera to measure knee valgus');
      await screenshot(page, 'live-preview');

      await recordFor(page, 8_000);
      await screenshot(page, 'live-recording');
      const during = await storedRecordings(page);
      expect(during).toHaveLength(1);
      expect(during[0].status).toBe('recording');
      // Chunks are stored while recording (1 s timeslice), not only at the end.
      expect(during[0].chunks).toBeGreaterThanOrEqual(4);
      expect(during[0].chunkBytes).toBeGreaterThan(10_000);
      // H.264 in Matroska while recording (Chromium's label for it), a stream written as it goes.
      expect(during[0].mimeType).toBe('video/x-matroska');
      expect(during[0].head.slice(0, 8)).toBe(EBML_MAGIC);

      // The live counter saw squats too (a bottom every 2.5 s over the ~8 s recorded).
      expect(Number(await page.getByTestId('live-reps').getAttribute('data-reps'))).toBeGreaterThanOrEqual(1);
      await page.keyboard.press('Space');
      // Stored and finalized before the analysis starts.
      await page.getByTestId('live-analysis').waitFor({ timeout: 60_000 });
      const stored = await storedRecordings(page);
      // Remuxed on stop (packets copied) into an MP4 with its index first.
      expect(stored[0]).toMatchObject({ status: 'complete', finalized: true, chunks: 1, mimeType: 'video/mp4' });
      expect(stored[0].head.slice(8)).toBe(FTYP);
      await screenshot(page, 'live-analysing');

      const reps = await waitForReport(page);
      await screenshot(page, 'live-report');
      // About 9 s with a squat bottom every 2.5 s: at least 3 bottoms in the recording, of which
      // at least 2 are whole reps; at most 4 bottoms plus one rep cut off at an end.
      expect(reps).toBeGreaterThanOrEqual(2);
      expect(reps).toBeLessThanOrEqual(5);
      // The report plays that MP4, and knows its length (a live-stream file would say Infinity).
      const shown = await reportVideo(page);
      expect(shown).toMatchObject({ type: 'video/mp4', box: 'ftyp' });
      expect(shown.duration).toBeGreaterThan(7);
      expect(shown.duration).toBeLessThan(15);
      // Kept with the history session, it stays an MP4.
      await page.getByTestId('keep-video').check();
      await expect.poll(() => keptVideoTypes(page), { timeout: 10_000 }).toEqual(['video/mp4']);

      // Reload: the recording is still stored and listed, marked analysed.
      await openRecordTab(page);
      const items = page.getByTestId('recording-item');
      await items.first().waitFor();
      expect(await items.count()).toBe(1);
      expect(await items.first().getAttribute('data-status')).toBe('complete');
      expect(await items.first().textContent()).toContain('analysed');
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('keeps recording while another tab is shown, and lets the camera go when the tab is left while only previewing', async () => {
    const session = await launch({ fakeCameraFile: y4m });
    const { page } = session;
    const cameraOn = () => page.evaluate(() => {
      const stream = (document.querySelector('[data-testid=live-video]') as HTMLVideoElement | null)?.srcObject as MediaStream | null;
      return !!stream && stream.getVideoTracks().some((track) => track.readyState === 'live');
    });
    try {
      await openRecordTab(page);
      await startCameraAndWaitForSkeleton(page);
      expect(await cameraOn()).toBe(true);
      // Previewing only: leaving the tab releases the camera.
      await page.getByRole('tab', { name: /Analyse a video/ }).click();
      await expect.poll(cameraOn, { timeout: 5_000 }).toBe(false);

      await page.getByRole('tab', { name: 'Record' }).click();
      await startCameraAndWaitForSkeleton(page);
      await recordFor(page, 2_000);
      const before = (await storedRecordings(page))[0];
      // Another tab for a while, Space pressed there too: the recording goes on.
      await page.getByRole('tab', { name: /Analyse a video/ }).click();
      await page.keyboard.press('Space');
      await page.waitForTimeout(4_000);
      const during = await storedRecordings(page);
      expect(during).toHaveLength(1);
      expect(during[0].status).toBe('recording');
      expect(during[0].chunks).toBeGreaterThan(before.chunks + 2);
      expect(await cameraOn()).toBe(true);

      await page.getByRole('tab', { name: 'Record' }).click();
      await page.getByTestId('live-rec').waitFor({ timeout: 2_000 });
      await page.keyboard.press('Space');
      await page.getByTestId('live-analysis').waitFor({ timeout: 60_000 });
      const stored = await storedRecordings(page);
      expect(stored[0]).toMatchObject({ status: 'complete', finalized: true });
      // A finished set: the camera is released while the full analysis runs.
      expect(await cameraOn()).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('keeps what was recorded when the page reloads mid-recording, and analyses it from the list', async () => {
    const session = await launch({ fakeCameraFile: y4m });
    const { page } = session;
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await openRecordTab(page);
      await startCameraAndWaitForSkeleton(page);
      await recordFor(page, 8_000);
      const before = await storedRecordings(page);
      expect(before[0]).toMatchObject({ status: 'recording', finalized: false, mimeType: 'video/x-matroska' });
      expect(before[0].head.slice(0, 8)).toBe(EBML_MAGIC);
      await page.reload();
      await page.getByRole('tab', { name: 'Record' }).click();
      const item = page.getByTestId('recording-item').first();
      await item.waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid=recording-item]')?.getAttribute('data-status') === 'interrupted', null, {
        timeout: 30_000,
      });
      await expect(page.getByTestId('live-notice').first().textContent()).resolves.toMatch(/cut off when the page closed/);
      // Only raw H.264-in-Matroska chunks were stored (no duration, no cues); once the dead page's
      // lock is free they are remuxed into one MP4, as stopping would have done.
      await expect.poll(async () => (await storedRecordings(page))[0]?.finalized, { timeout: 30_000 }).toBe(true);
      const stored = await storedRecordings(page);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ status: 'interrupted', finalized: true, chunks: 1, mimeType: 'video/mp4' });
      expect(stored[0].head.slice(8)).toBe(FTYP);
      expect(stored[0].chunkBytes).toBeGreaterThan(10_000);
      await screenshot(page, 'live-after-reload');

      await item.getByRole('button', { name: /^Analyse/ }).click();
      const reps = await waitForReport(page);
      await screenshot(page, 'live-report-after-reload');
      expect(reps).toBeGreaterThanOrEqual(2);
      expect(reps).toBeLessThanOrEqual(5);
      const shown = await reportVideo(page);
      expect(shown).toMatchObject({ type: 'video/mp4', box: 'ftyp' });
      expect(shown.duration).toBeGreaterThan(4);
      expect(shown.duration).toBeLessThan(15);
    } finally {
      await session.close();
    }
  });

});

describe.skipIf(reason !== null)('live recording interrupted', () => {
  let y4m = '';
  beforeAll(() => {
    y4m = makeSeamlessY4m(clip('side-two-reps-good.mp4'), 320);
  });
  afterAll(() => {
    if (y4m) rmSync(path.dirname(y4m), { recursive: true, force: true });
  });

  it('says when the tab was hidden, and keeps the recording when the camera is unplugged', async () => {
    const session = await launch({ fakeCameraFile: y4m });
    const { page } = session;
    try {
      await openRecordTab(page);
      await startCameraAndWaitForSkeleton(page);
      await page.getByTestId('countdown-select').selectOption('0');
      await page.getByTestId('record').click();
      await page.getByTestId('live-rec').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(2_000);
      // Headless Chromium never hides its tab; play the visibilitychange a hidden tab would fire.
      const setHidden = (hidden: boolean) =>
        page.evaluate((h) => {
          Object.defineProperty(document, 'hidden', { value: h, configurable: true });
          Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);
      await setHidden(true);
      await page.waitForTimeout(2_200);
      await setHidden(false);
      const notice = page.getByTestId('live-notice').filter({ hasText: 'in the background' });
      await notice.waitFor({ timeout: 5_000 });
      expect(await notice.textContent()).toMatch(/background for 2 s\. Recording went on/);
      await page.waitForTimeout(1_500);
      // Unplugging ends the track; stop() does not fire 'ended', so fire it as the browser would.
      await page.evaluate(() => {
        const video = document.querySelector('[data-testid=live-video]') as HTMLVideoElement;
        const track = (video.srcObject as MediaStream).getVideoTracks()[0];
        track.stop();
        track.dispatchEvent(new Event('ended'));
      });
      const cameraError = page.getByTestId('camera-error');
      await cameraError.waitFor({ timeout: 30_000 });
      expect(await cameraError.getAttribute('data-code')).toBe('camera_ended');
      const stopped = page.getByTestId('live-notice').filter({ hasText: 'The camera stopped at' });
      await stopped.waitFor({ timeout: 30_000 });
      expect(await stopped.textContent()).toMatch(/recorded up to then is saved/);
      await screenshot(page, 'live-camera-unplugged');
      const stored = await storedRecordings(page);
      expect(stored).toHaveLength(1);
      expect(stored[0].status).toBe('interrupted');
      expect(stored[0].chunkBytes).toBeGreaterThan(10_000);
      const item = page.getByTestId('recording-item').first();
      await item.waitFor();
      expect(await item.getAttribute('data-status')).toBe('interrupted');

      // Stopped by the camera, it was remuxed like a finished set: Download hands over that MP4.
      expect(stored[0]).toMatchObject({ finalized: true, mimeType: 'video/mp4' });
      const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^Webcam .*\.mp4$/);
      const saved = await download.path();
      const { readFileSync } = await import('node:fs');
      const bytes = readFileSync(saved);
      expect(bytes.length).toBe(stored[0].chunkBytes);
      expect(bytes.subarray(4, 8).toString('hex')).toBe(FTYP);

      // Delete asks first, then removes it from the list and from IndexedDB.
      page.once('dialog', (dialog) => void dialog.accept());
      await item.getByRole('button', { name: /^Delete/ }).click();
      await page.getByTestId('recordings-empty').waitFor({ timeout: 10_000 });
      expect(await storedRecordings(page)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(skipReason(false) !== null)('camera unavailable', () => {
  it('says the camera was blocked and how to allow it', async () => {
    const session = await launch({ denyCamera: true });
    const { page } = session;
    try {
      await openRecordTab(page);
      await page.getByTestId('start-camera').click();
      const error = page.getByTestId('camera-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.getAttribute('data-code')).toBe('permission_denied');
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('Camera access was blocked.');
      expect(text).toMatch(/Allow the camera for this site/);
      await expect(error.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
      await screenshot(page, 'live-permission-denied');
    } finally {
      await session.close();
    }
  });

  it('says the page must be served securely when it is not', async () => {
    // A plain-http address that is not localhost: no secure context, so no navigator.mediaDevices.
    // The requests are answered from the real server through the test browser itself.
    const session = await launch();
    const { page } = session;
    try {
      await page.route('http://insecure-squat.test/**', async (route) => {
        const asked = new URL(route.request().url());
        const response = await route.fetch({ url: `${baseUrl()}${asked.pathname}${asked.search}` });
        await route.fulfill({ response });
      });
      await page.goto('http://insecure-squat.test/');
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      await page.getByRole('tab', { name: 'Record' }).click();
      const error = page.getByTestId('camera-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.getAttribute('data-code')).toBe('insecure_origin');
      expect(await error.textContent()).toMatch(/only works on a secure page.*insecure-squat\.test/);
      await screenshot(page, 'live-insecure-origin');
    } finally {
      await session.close();
    }
  });

  it('says when there is no camera at all', async () => {
    // No fake device: headless Chromium then has no video input.
    const session = await launch({ grantCamera: true });
    const { page } = session;
    try {
      await openRecordTab(page);
      await page.getByTestId('start-camera').click();
      const error = page.getByTestId('camera-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.getAttribute('data-code')).toBe('no_camera');
      expect(await error.textContent()).toContain('No camera was found.');
    } finally {
      await session.close();
    }
  });
});
