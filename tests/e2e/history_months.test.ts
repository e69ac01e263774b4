/**
 * A few months of training as the History tab shows it: a backup with ten sessions two weeks
 * apart (synthetic squats through the real core: the left heel lifting less each time, side and
 * front views taking turns) is made by the store in Node, imported through the app's own import
 * button, and the progress chart is read and photographed at 1280 and 390 px.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { HistoryStore } from '../../src/store/history_db';
import { syntheticSquat } from '../support/synthetic_squat';
import { baseUrl, launch, screenshot, screenshotsDir, skipReason } from './harness';
import { tempDir } from './upload_helpers';

const reason = skipReason(false);
if (reason) console.warn(`history months e2e skipped: ${reason}`);

const DAY = 86_400_000;
const SESSIONS = 10;

async function backupOfMonths(): Promise<string> {
  const store = new HistoryStore('months-backup');
  const t0 = Date.UTC(2026, 2, 2, 18, 0);
  for (let k = 0; k < SESSIONS; k++) {
    const view = k % 2 === 0 ? 'side' : 'front';
    const { track } = syntheticSquat({ reps: 4, view, seed: 100 + k, noisePx: 1.5, heelLift: { left: 0.14 - k * 0.012, right: 0.02 }, valgusDeg: { left: 12 - k, right: 3 } });
    const analysis = analyze(track);
    await store.save({ analysis, track, name: `week ${2 * k + 1} (${view}).mp4`, origin: 'upload', note: k === 4 ? 'started ankle mobility' : '' }, t0 + k * 14 * DAY);
  }
  const file = path.join(tempDir('squat-months-'), 'months.zip');
  writeFileSync(file, new Uint8Array(await (await store.exportBackup()).arrayBuffer()));
  store.close();
  return file;
}

describe.skipIf(reason !== null)('history over a few months', () => {
  it('imports ten sessions; heel lift plots all of them, knee valgus and knee drift only the front ones, and the changes read right', async () => {
    const file = await backupOfMonths();
    const session = await launch();
    try {
      const { page } = session;
      await page.goto(baseUrl());
      await page.getByRole('tab', { name: 'History' }).click();
      await page.getByTestId('import-history-input').setInputFiles(file);
      await page.waitForSelector('.progress-chart');
      expect(await page.getByTestId('history-session').count()).toBe(SESSIONS);
      expect(await page.locator('.progress-chart').getAttribute('data-points')).toBe(String(SESSIONS));
      // The left heel lifts less over the months: both differences are negative.
      const left = page.locator('[data-testid="progress-changes"] tr[data-side="left"] td[data-delta]');
      const deltas = (await left.evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-delta')))));
      expect(deltas).toHaveLength(2);
      expect(deltas.every((d) => d < 0)).toBe(true);
      await page.waitForTimeout(300);
      await page.locator('[data-testid="progress"]').screenshot({ path: path.join(screenshotsDir, 'history-months-1280.png') });

      await page.locator('.metric-picker [data-metric="kneeValgusDeg"]').click();
      await page.waitForSelector('.progress-chart[data-metric="kneeValgusDeg"]');
      expect(await page.locator('.progress-chart').getAttribute('data-points')).toBe(String(SESSIONS / 2));
      expect(await page.getByTestId('progress-coverage').textContent()).toMatch(/Not plotted: 5 sessions filmed from the side/);

      // Knee drift (the knee fault's measure, from the registry like the rest): front sessions only,
      // and the left knee, made to cave in less each time, drifts in less.
      await page.locator('.metric-picker [data-metric="kneeDrift"]').click();
      await page.waitForSelector('.progress-chart[data-metric="kneeDrift"]');
      expect(await page.locator('.progress-chart').getAttribute('data-points')).toBe(String(SESSIONS / 2));
      expect(await page.getByTestId('progress-coverage').textContent()).toMatch(/Not plotted: 5 sessions filmed from the side \(knee drift needs the knees seen from the front/);
      const drift = await page.locator('[data-testid="progress-changes"] tr[data-side="left"] td[data-delta]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-delta'))));
      expect(drift).toHaveLength(2);
      expect(drift.every((d) => d < 0)).toBe(true);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('.metric-picker [data-metric="heelLift"]').click();
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.locator('[data-testid="progress"]').screenshot({ path: path.join(screenshotsDir, 'history-months-390.png') });
      await screenshot(page, 'history-months-390-full');
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
