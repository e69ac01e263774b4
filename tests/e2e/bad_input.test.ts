/**
 * Bad input in the app: each gets a clear message (what happened, what to do), and the app stays
 * usable afterwards. Every bad file is made at test time; none is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { baseUrl, clip, launch, screenshot, skipReason, type Session } from './harness';
import { ffmpeg, hasFfmpegEncoder, tempDir, uploadAndWait } from './upload_helpers';

const reason = skipReason(true);
if (reason) console.warn(`bad-input e2e skipped: ${reason}`);
const hasX265 = hasFfmpegEncoder('libx265');
if (!reason && !hasX265) console.warn('HEVC case skipped: this ffmpeg has no libx265 encoder to make an HEVC clip with');

describe.skipIf(reason !== null)('bad input in the app', () => {
  let session: Session;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('squat-bad-input-');
    session = await launch();
    await session.page.goto(baseUrl());
  });

  afterAll(async () => {
    await session?.close();
  });

  async function expectProblem(file: string, code: string, says: RegExp) {
    const outcome = await uploadAndWait(session.page, file);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.code).toBe(code);
    expect(outcome.text).toMatch(says);
    // Every message says what to do next.
    expect(outcome.text).toMatch(/What to do:/);
    // Still usable: the file input is back and enabled, and the message can be dismissed.
    await expect.poll(() => session.page.getByTestId('video-file-input').isEnabled()).toBe(true);
  }

  it('a text file renamed .mp4', async () => {
    const file = path.join(dir, 'notes.mp4');
    writeFileSync(file, 'These are my squat notes, not a video.\n'.repeat(20));
    await expectProblem(file, 'not_a_video', /not a video/);
    await screenshot(session.page, 'bad-input-text-file');
  });

  it('a zero-byte file', async () => {
    const file = path.join(dir, 'empty.mp4');
    writeFileSync(file, '');
    await expectProblem(file, 'empty_file', /empty/);
  });

  it('a truncated mp4 (index first, frame data cut off halfway)', async () => {
    const whole = path.join(dir, 'whole.mp4');
    ffmpeg(['-i', clip('side-two-reps-good.mp4'), '-t', '3', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', whole]);
    const cut = path.join(dir, 'cut-halfway.mp4');
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(statSync(whole).size / 2)));
    await expectProblem(cut, 'truncated', /cut off|damaged/);
  });

  it('a truncated mp4 (cut before its index at the end)', async () => {
    const whole = path.join(dir, 'index-at-end.mp4');
    ffmpeg(['-i', clip('side-two-reps-good.mp4'), '-t', '3', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', whole]);
    const cut = path.join(dir, 'cut-before-index.mp4');
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(statSync(whole).size / 2)));
    await expectProblem(cut, 'truncated', /cut off|damaged/);
  });

  it.skipIf(!hasX265)('an HEVC video this Chromium cannot decode', async () => {
    const file = path.join(dir, 'iphone-style.mp4');
    ffmpeg(['-i', clip('side-two-reps-good.mp4'), '-t', '1', '-an', '-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', file]);
    const decodable = await session.page.evaluate(async () => {
      const support = await VideoDecoder.isConfigSupported({ codec: 'hvc1.1.6.L93.B0' });
      return support.supported === true;
    });
    if (decodable) {
      // Some Chromium builds (with platform HEVC) can decode it: then it must simply work.
      console.warn('this Chromium decodes HEVC; checking that it analyses instead of failing');
      const outcome = await uploadAndWait(session.page, file);
      expect(outcome.kind).toBe('done');
      return;
    }
    await expectProblem(file, 'unsupported_codec', /H\.265 \(HEVC\)/);
    await screenshot(session.page, 'bad-input-hevc');
  });

  it('a video with no person in it (ffmpeg test pattern)', async () => {
    const file = path.join(dir, 'test-pattern.mp4');
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=480x640:rate=30', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file]);
    await expectProblem(file, 'no_person', /No person was found/);
    await screenshot(session.page, 'bad-input-no-person');
  });

  it('cancelling an analysis leaves the app ready for the next video', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: /Analyse a video/ }).click();
    await page.getByTestId('video-file-input').setInputFiles(clip('oblique-good-hand-over-lens.mp4'));
    await expect
      .poll(async () => (await page.getByTestId('analysis-phase').getAttribute('data-phase').catch(() => null)) ?? '', { timeout: 60_000 })
      .toBe('analysing');
    await page.getByTestId('cancel-analysis').click();
    const error = page.getByTestId('analysis-error');
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await error.getAttribute('data-code')).toBe('cancelled');
    await expect.poll(() => page.getByTestId('video-file-input').isEnabled()).toBe(true);
  });

  it('after all of that, a good video still analyses, and nothing left the page', async () => {
    const short = path.join(dir, 'good-short.mp4');
    ffmpeg(['-i', clip('side-two-reps-good.mp4'), '-t', '1.5', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', short]);
    const outcome = await uploadAndWait(session.page, short);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('done');
    // The error notice from before is gone once a new analysis starts.
    expect(await session.page.getByTestId('analysis-error').count()).toBe(0);
    expect(session.offOriginRequests).toEqual([]);
    // No uncaught errors: every failure above was handled and shown, not thrown.
    expect(session.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
