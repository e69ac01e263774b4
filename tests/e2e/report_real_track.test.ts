/**
 * The report on real data without the upload flow: the harness page loads a shared clip, the
 * PoseTrack our pipeline extracted from it (fixtures/tracks/), and runs the core's analyze() in the
 * page. Checks seeking on a real video and the review across two loaded videos; screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { launch, playReviewAndSample, repoRoot, screenshot, screenshotsDir, sharedFixtures, skipReason, type Session } from './harness';
import { startHarness } from './report_harness/serve';
import { openAllFolds, openFold } from './report_helpers';

const tracksDir = path.join(repoRoot, 'fixtures/tracks');
// Chromium reports a paused video's currentTime a few tens of microseconds off the value set
// (seen: 2.766621 after setting 2.766667), so "at the bottom" allows 1 ms, far below a frame.
const SEEK_SLACK_S = 0.001;

const reason = skipReason(true) ?? (!existsSync(path.join(tracksDir, 'side-forward-lean-rotated.json')) ? 'fixtures/tracks not present' : null);
if (reason) console.warn(`report real-track e2e skipped: ${reason}`);

interface FlagInfo {
  fault: string;
  t: number;
  rep: number;
}

describe.skipIf(reason !== null)('report on real tracks (harness page)', () => {
  let server: ViteDevServer;
  let url: string;
  let session: Session;

  beforeAll(async () => {
    ({ server, url } = await startHarness(repoRoot, sharedFixtures, 5410));
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('side-forward-lean: flags forward lean; clicking it seeks the real video there and pauses', async () => {
    const { page } = session;
    await page.goto(`${url}?clip=side-forward-lean-rotated.mp4,side-deep-good-rotated.mp4&track=/fixtures/tracks/side-forward-lean-rotated.json,/fixtures/tracks/side-deep-good-rotated.json`);
    await page.waitForSelector('[data-testid="report"]', { timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement | null)?.readyState! >= 1);
    // MANIFEST: "excessive forward lean: trunk nearly horizontal", one squat.
    expect(Number((await page.getByTestId('rep-count').textContent())!.trim().split(/\D/)[0])).toBe(1);
    await openFold(page, 'reps');
    const flags: FlagInfo[] = await page.evaluate(() =>
      [...document.querySelectorAll('.flag-chip')].map((el) => ({ fault: el.getAttribute('data-fault')!, t: Number(el.getAttribute('data-t')), rep: 0 })),
    );
    const lean = flags.find((flag) => flag.fault === 'forward_lean');
    expect(lean, `flags shown: ${flags.map((f) => f.fault).join(', ')}`).toBeTruthy();
    await page.locator(`.flag-chip[data-fault="forward_lean"]`).first().click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement).seeking);
    const state = await page.locator('[data-testid="report-video"] video').evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused }));
    expect(state.paused).toBe(true);
    expect(Math.abs(state.t - lean!.t)).toBeLessThanOrEqual(1 / 30);
    await page.waitForTimeout(400);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'report-real-1280-top.png') });
    await screenshot(page, 'report-real-1280');
  });

  it('has a print layout without video and buttons, and a readable dark theme', async () => {
    const { page } = session;
    // Printing opens every fold (beforeprint); emulating print media does not fire it, so open them here.
    await openAllFolds(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      video: getComputedStyle(document.querySelector('.report-video')!).display,
      exportButtons: getComputedStyle(document.querySelector('.report-section.export')!).display,
      findings: getComputedStyle(document.querySelector('.findings')!).display,
    }));
    expect(printed).toEqual({ video: 'none', exportButtons: 'none', findings: 'block' });
    await screenshot(page, 'report-real-print');
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await page.evaluate(() => document.querySelectorAll('details[data-fold]').forEach((d) => ((d as HTMLDetailsElement).open = false)));
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screenshotsDir, 'report-real-dark-top.png') });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  });

  it('review across two loaded videos: both reach their bottom together', async () => {
    const { page } = session;
    await openFold(page, 'review');
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    const pair = page.locator('[data-pair^="video-"]');
    expect(await pair.count()).toBe(1);
    await pair.click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => (v as HTMLVideoElement).readyState >= 2));
    const bottoms = await page.evaluate(() => [...document.querySelectorAll('[data-testid="rep-review"] [data-panel]')].map((el) => Number(el.getAttribute('data-bottom'))));
    const fps = await page.evaluate(() => [...document.querySelectorAll('[data-testid="rep-review"] [data-panel]')].map((el) => Number(el.getAttribute('data-fps'))));
    const samples = await playReviewAndSample(page);
    const crossA = samples.findIndex(([, a]) => a >= bottoms[0]! - SEEK_SLACK_S);
    const crossB = samples.findIndex(([, , b]) => b >= bottoms[1]! - SEEK_SLACK_S);
    expect(crossA).toBeGreaterThan(0);
    expect(crossB).toBeGreaterThan(0);
    const frameMs = 1000 / Math.max(fps[0]!, fps[1]!);
    expect(Math.abs(samples[crossA]![0] - samples[crossB]![0])).toBeLessThanOrEqual(frameMs);
    // Stop at the bottom to look at it.
    await page.getByTestId('review-scrub').evaluate((input: HTMLInputElement) => {
      const value = Number(document.querySelector('.phase-marks [data-mark="bottom"]')!.getAttribute('data-clock'));
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => !(v as HTMLVideoElement).seeking));
    await page.waitForTimeout(300);
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-real-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-real-phone.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screenshotsDir, 'report-real-phone-top.png') });
    await screenshot(page, 'report-real-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
