/**
 * History and offline, as a user meets them: analyse two shared clips, reload, find both in the
 * History tab and on the progress chart (a side-view session is left out of knee valgus, and the
 * chart says so), open a session's report from its point, move the history to a second browser
 * with a backup file; then, in a fresh browser, load the app once (installable: manifest and
 * service worker), go offline, reload, and analyse a clip with no network at all. Screenshots at
 * 1280 and 390 px.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { copyFileSync } from 'node:fs';
import { baseUrl, clip, launch, screenshot, screenshotsDir, skipReason, type Session } from './harness';
import { tempDir, uploadAndWaitForHistory } from './upload_helpers';
import { openAppForSuite } from './app_session';

const reason = skipReason(true);
if (reason) console.warn(`history/offline e2e skipped: ${reason}`);

async function openHistory(session: Session): Promise<void> {
  await session.page.getByRole('tab', { name: 'History' }).click();
  await session.page.waitForSelector('[data-testid="history-session"]');
}

describe.skipIf(reason !== null)('history in the app', () => {
  let session: Session;
  openAppForSuite((opened) => (session = opened));

  it('keeps both analysed clips across a reload; progress plots only the views that measure a metric', async () => {
    const { page } = session;
    await uploadAndWaitForHistory(page, clip('side-deep-good-rotated.mp4'));
    // The user keeps this one's video and tags it.
    await page.getByTestId('keep-video').check();
    await page.waitForFunction(() => (document.querySelector('[data-testid="keep-video"]') as HTMLInputElement).checked);
    await page.getByTestId('results-note').fill('before ankle mobility');
    await page.getByTestId('results-note').press('Enter');
    await uploadAndWaitForHistory(page, clip('front-two-reps-good.mp4'));

    await page.reload();
    await openHistory(session);
    const rows = page.getByTestId('history-session');
    expect(await rows.count()).toBe(2);
    // Listed newest first by the date of the set (the file's own date): the order depends on the fixtures' file times.
    const names = await rows.locator('.session-name').allTextContents();
    expect([...names].sort()).toEqual(['front-two-reps-good.mp4', 'side-deep-good-rotated.mp4']);
    const side = rows.filter({ hasText: 'side-deep-good-rotated.mp4' });
    expect(await side.getByTestId('session-note').inputValue()).toBe('before ankle mobility');
    expect(await side.textContent()).toMatch(/Remove video \(\d/);
    expect(await rows.filter({ hasText: 'front-two-reps-good.mp4' }).textContent()).toContain('video not kept');

    // Heel lift: both views measure it, one point per session per side.
    const chart = page.locator('.progress-chart');
    await chart.waitFor();
    expect(await chart.getAttribute('data-points')).toBe('2');
    expect(await page.getByTestId('progress-coverage').textContent()).toMatch(/Plotted: 2 sessions/);
    await screenshot(page, 'history-1280');

    // Knee valgus: only the front view measures it; the side session is left out, and it says why.
    await page.locator('.metric-picker [data-metric="kneeValgusDeg"]').click();
    await page.waitForSelector('.progress-chart[data-metric="kneeValgusDeg"]');
    expect(await page.locator('.progress-chart').getAttribute('data-points')).toBe('1');
    const coverage = (await page.getByTestId('progress-coverage').textContent())!;
    expect(coverage).toMatch(/Plotted: 1 session filmed from the front\./);
    expect(coverage).toMatch(/Not plotted: 1 session filmed from the side \(.*front view/);
    await page.locator('.progress-chart').screenshot({ path: path.join(screenshotsDir, 'history-progress-valgus-1280.png') });

    // Knee drift, the knee fault's own measure, comes from the metric registry like the rest: the front session only.
    await page.locator('.metric-picker [data-metric="kneeDrift"]').click();
    await page.waitForSelector('.progress-chart[data-metric="kneeDrift"]');
    expect(await page.locator('.progress-chart').getAttribute('data-points')).toBe('1');
    expect(await page.getByTestId('progress-coverage').textContent()).toMatch(/Not plotted: 1 session filmed from the side \(knee drift needs the knees seen from the front/);

    // A point opens that session's report (its video was not kept: numbers only).
    await page.locator('.progress-point').first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="report"]')?.getAttribute('aria-label') === 'Report for front-two-reps-good.mp4');
    expect((await page.getByTestId('rep-count').textContent())!.trim()).toMatch(/^2\b/);
    expect(await page.getByTestId('video-not-kept').count()).toBe(1);

    // The kept one opens with its video and skeleton.
    await openHistory(session);
    await page.getByTestId('history-session').filter({ hasText: 'side-deep-good-rotated.mp4' }).getByTestId('open-session').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="report"]')?.getAttribute('aria-label') === 'Report for side-deep-good-rotated.mp4');
    await page.waitForFunction(() => (document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement | null)?.readyState! >= 2);
    expect(session.offOriginRequests).toEqual([]);
  });

  it('moves to another browser with a backup file, without duplicates, the chosen video with it', async () => {
    const { page } = session;
    await openHistory(session);
    await page.locator('.backup-videos input[type="checkbox"]').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-history').click()]);
    expect(download.suggestedFilename()).toMatch(/^squat-history-\d{4}-\d\d-\d\d\.zip$/);
    expect(await page.getByTestId('storage-message').textContent()).toMatch(/Backup saved: 2 sessions and 1 video/);
    const file = path.join(tempDir('squat-backup-'), download.suggestedFilename());
    copyFileSync((await download.path())!, file);

    const other = await launch();
    try {
      await other.page.goto(baseUrl());
      await other.page.getByRole('tab', { name: 'History' }).click();
      await other.page.getByTestId('history-empty').waitFor();
      await other.page.getByTestId('import-history-input').setInputFiles(file);
      await other.page.waitForSelector('[data-testid="history-session"]');
      expect(await other.page.getByTestId('storage-message').textContent()).toMatch(/^Imported 2 sessions from squat-history/);
      const imported = other.page.getByTestId('history-session');
      expect((await imported.locator('.session-name').allTextContents()).sort()).toEqual(['front-two-reps-good.mp4', 'side-deep-good-rotated.mp4']);
      expect(await imported.filter({ hasText: 'side-deep-good-rotated.mp4' }).getByTestId('session-note').inputValue()).toBe('before ankle mobility');
      // Again: nothing added.
      await other.page.getByTestId('import-history-input').setInputFiles(file);
      await other.page.waitForFunction(() => /Imported 0 sessions/.test(document.querySelector('[data-testid="storage-message"]')?.textContent ?? ''));
      expect(await other.page.getByTestId('storage-message').textContent()).toMatch(/2 already here were left as they were/);
      expect(await other.page.getByTestId('history-session').count()).toBe(2);
      // The video came along: the report plays it.
      await imported.filter({ hasText: 'side-deep-good-rotated.mp4' }).getByTestId('open-session').click();
      await other.page.waitForFunction(() => (document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement | null)?.readyState! >= 2);
      expect(other.offOriginRequests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('works at phone width without sideways scrolling', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await openHistory(session);
    await page.locator('.metric-picker [data-metric="heelLift"]').click();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'history-390');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

describe.skipIf(reason !== null)('offline after the first visit', () => {
  it('loads, analyses a clip and shows it in the history with the network off', async () => {
    const session = await launch();
    try {
      const { page, context } = session;
      await page.goto(baseUrl());
      // The service worker installs only once everything is precached (app, models, wasm).
      const precached = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const keys = (await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys()))).flat().map((r) => new URL(r.url).pathname);
        return { active: registration.active?.state, keys };
      });
      expect(precached.active).toBe('activated');
      expect(precached.keys).toEqual(expect.arrayContaining(['/index.html', '/models/blazepose-lite/model.json', '/models/blazepose-lite/blazepose-lite.bin', '/models/blazepose-detector/blazepose-detector.bin', '/tfjs-wasm/tfjs-backend-wasm-simd.wasm']));
      // Installable: the manifest parses, and Chromium's only objection is the test's private profile.
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      const state = await page.evaluate(async () => ({
        controlled: navigator.serviceWorker.controller !== null,
        isolated: crossOriginIsolated,
        // Not precached: must fail, which shows the network is really off for the page and its worker.
        uncached: await fetch('/models/NOTICE.md').then((r) => `status ${r.status}`, () => 'failed'),
      }));
      expect(state).toEqual({ controlled: true, isolated: true, uncached: 'failed' });
      await uploadAndWaitForHistory(page, clip('side-deep-good-rotated.mp4'));
      expect((await page.getByTestId('rep-count').textContent())!.trim()).toMatch(/^1\b/);
      await page.getByRole('tab', { name: 'History' }).click();
      await page.waitForSelector('[data-testid="history-session"]');
      expect(await page.getByTestId('history-session').count()).toBe(1);
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
