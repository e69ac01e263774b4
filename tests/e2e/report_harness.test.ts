/**
 * The report and the side-by-side review in headless Chromium, on the harness page (the
 * ReportView alone, fed the hand-made sample Analysis and a real side-view clip), so they are
 * tested independently of the upload flow. tests/e2e/report_upload.test.ts covers the real app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { launch, repoRoot, screenshot, screenshotsDir, sharedFixtures, skipReason, type Session } from './harness';
import { startHarness } from './report_harness/serve';
import { openFold } from './report_helpers';
import { parseCsv } from '../../src/export/csv';
import { makeSampleAnalysis } from '../support/sample_analysis';
import { parseAnalysis } from '../../src/core/analysis_io';

// Chromium reports a paused video's currentTime a few tens of microseconds off the value set
// (seen: 2.766621 after setting 2.766667), so "at the bottom" allows 1 ms, far below a frame.
const SEEK_SLACK_S = 0.001;

const reason = skipReason(true);

/** Screenshot of what is on screen (not the whole long page), to look at one part closely. */
async function viewportShot(session: Session, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await session.page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
}
if (reason) console.warn(`report harness e2e skipped: ${reason}`);

describe.skipIf(reason !== null)('report on the harness page', () => {
  let server: ViteDevServer;
  let url: string;
  let session: Session;
  const sample = makeSampleAnalysis();
  const failedResponses: string[] = [];

  beforeAll(async () => {
    ({ server, url } = await startHarness(repoRoot, sharedFixtures));
    session = await launch();
    session.page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failedResponses.push(`${response.status()} ${response.url()}`);
    });
    await session.page.goto(`${url}?clip=side-deep-good-rotated.mp4`);
    await session.page.waitForSelector('[data-testid="report"]', { timeout: 60_000 });
    await session.page.waitForFunction(() => (document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement | null)?.readyState! >= 1);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('renders the verdict and the set\'s facts, and screenshots at 1280x720', async () => {
    const { page } = session;
    expect(await page.getByTestId('rep-count').textContent()).toContain(String(sample.reps.length));
    expect(await page.getByTestId('verdict-sentence').textContent()).toMatch(/^3 reps, /);
    await page.waitForTimeout(500);
    await screenshot(page, 'report-harness-1280');
    await viewportShot(session, 'report-harness-1280-top');
  });

  it('clicking a flag moves the video to its evidence time and pauses it', async () => {
    const { page } = session;
    const flag = sample.reps[2]!.flags[0]!;
    const video = page.locator('[data-testid="report-video"] video');
    await video.evaluate((v: HTMLVideoElement) => v.play().catch(() => undefined));
    // The flags are in the rep cards, in the "Rep by rep" fold.
    await openFold(page, 'reps');
    await page.locator(`.flag-chip[data-fault="${flag.fault}"][data-t="${flag.t}"]`).click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement).seeking);
    const state = await video.evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused }));
    expect(state.paused).toBe(true);
    // The clip is shorter than the sample's rep 3; the browser clamps to the clip's end.
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(state.t).toBeCloseTo(Math.min(flag.t, duration), 1);
  });

  it('exports JSON, per-frame CSV and per-rep CSV that parse', async () => {
    const { page } = session;
    const files: Record<string, string> = {};
    for (const kind of ['analysis-json', 'frames-csv', 'reps-csv']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${kind}"]`).click()]);
      const file = await download.path();
      files[kind] = readFileSync(file, 'utf8');
      expect(download.suggestedFilename()).toMatch(/^side-deep-good-rotated\.(analysis\.json|frames\.csv|reps\.csv)$/);
    }
    const exported = parseAnalysis(JSON.parse(files['analysis-json']!).analysis);
    expect(exported.reps).toHaveLength(sample.reps.length);
    expect(exported.series.t).toHaveLength(sample.series.t.length);
    expect(parseCsv(files['frames-csv']!)).toHaveLength(sample.series.t.length + 1);
    expect(parseCsv(files['reps-csv']!)).toHaveLength(sample.reps.length + 1);
  });

  it('review: both reps reach their bottom at the same moment, within one frame', async () => {
    const { page } = session;
    await page.getByTestId('open-review').click();
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    // Rep 1 vs rep 2 of the sample: both inside the 4.7 s clip.
    await page.getByTestId('pick-b').selectOption({ index: 1 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => (v as HTMLVideoElement).readyState >= 2));
    await page.getByTestId('review-speed').selectOption('1');
    // Record both videos' times on every animation frame while playing.
    await page.evaluate(() => {
      const [a, b] = [...document.querySelectorAll('[data-testid="rep-review"] video')] as HTMLVideoElement[];
      const samples: [number, number, number][] = [];
      (window as unknown as { __samples: [number, number, number][] }).__samples = samples;
      const loop = (now: number) => {
        samples.push([now, a!.currentTime, b!.currentTime]);
        if (samples.length < 600) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    await page.getByTestId('review-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="review-play"]')!.textContent!.includes('Play'), null, { timeout: 30_000 });
    const samples = await page.evaluate(() => (window as unknown as { __samples: [number, number, number][] }).__samples);
    const [bottomA, bottomB] = [sample.reps[0]!.bottom, sample.reps[1]!.bottom];
    const frame = 1 / sample.source.fps;
    // The wall-clock moment each video first shows a time at or past its own bottom.
    const crossA = samples.findIndex(([, a]) => a >= bottomA - SEEK_SLACK_S);
    const crossB = samples.findIndex(([, , b]) => b >= bottomB - SEEK_SLACK_S);
    expect(crossA).toBeGreaterThan(0);
    expect(crossB).toBeGreaterThan(0);
    expect(Math.abs(samples[crossA]![0] - samples[crossB]![0])).toBeLessThanOrEqual(frame * 1000);

    // Paused at the bottom: both videos show their bottom frame.
    await page.getByTestId('review-scrub').focus();
    await page.keyboard.press('Home');
    const clockAtBottom = Number(await page.locator('.phase-marks [data-mark="bottom"]').getAttribute('data-clock'));
    await page.getByTestId('review-scrub').evaluate((input: HTMLInputElement, value: number) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, clockAtBottom);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => !(v as HTMLVideoElement).seeking));
    const times = await page.evaluate(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].map((v) => (v as HTMLVideoElement).currentTime));
    expect(Math.abs(times[0]! - bottomA)).toBeLessThanOrEqual(frame);
    expect(Math.abs(times[1]! - bottomB)).toBeLessThanOrEqual(frame);

    // Arrow keys step one frame.
    await page.getByTestId('review-scrub').focus();
    await page.keyboard.press('ArrowRight');
    const stepped = await page.evaluate(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].map((v) => (v as HTMLVideoElement).currentTime));
    expect(stepped[0]! - times[0]!).toBeGreaterThan(0);
    expect(stepped[0]! - times[0]!).toBeLessThanOrEqual(frame + 1e-6);
    await page.locator('[data-testid="rep-review"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-harness-1280.png') });
  });

  it('fits a phone-width screen', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'report-harness-phone');
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-harness-phone.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await viewportShot(session, 'report-harness-phone-top');
    expect(failedResponses).toEqual([]);
    expect(session.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    const origin = new URL(url).origin;
    expect(session.offOriginRequests.filter((r) => !r.startsWith(origin))).toEqual([]);
  });
});
