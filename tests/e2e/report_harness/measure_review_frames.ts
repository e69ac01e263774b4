/**
 * Measurement, not a test: how many frames each review video presents while the review plays
 * two real reps at 1x, 0.5x and 0.25x (requestVideoFrameCallback counts), in headless Chromium.
 * Run: npx tsx tests/e2e/report_harness/measure_review_frames.ts
 * Needs ../shared/fixtures, fixtures/tracks and /usr/bin/chromium; uses port 5440.
 */
import { chromium } from 'playwright-core';
import path from 'node:path';
import { startHarness } from './serve';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

async function main() {
  const { server, url } = await startHarness(repoRoot, path.resolve(repoRoot, '../shared/fixtures'), 5440);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}?clip=side-forward-lean-rotated.mp4,side-deep-good-rotated.mp4&track=/fixtures/tracks/side-forward-lean-rotated.json,/fixtures/tracks/side-deep-good-rotated.json`);
    await page.waitForSelector('[data-testid=report]', { timeout: 60_000 });
    await page.getByTestId('open-review').click();
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    await page.locator('[data-pair^="video-"]').click();
    await page.waitForTimeout(1500);
    for (const speed of ['1', '0.5', '0.25']) {
      await page.getByTestId('review-speed').selectOption(speed);
      // A string, so the bundler's helpers do not leak into the page.
      await page.evaluate(`(() => {
        const vids = [...document.querySelectorAll('[data-testid="rep-review"] video')];
        window.__presented = vids.map(() => 0);
        window.__run = (window.__run || 0) + 1;
        const run = window.__run;
        vids.forEach((v, i) => { const cb = function () { if (window.__run !== run) return; window.__presented[i]++; v.requestVideoFrameCallback(cb); }; v.requestVideoFrameCallback(cb); });
      })()`);
      const started = Date.now();
      await page.getByTestId('review-play').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="review-play"]')!.textContent!.includes('Play'), null, { timeout: 120_000 });
      const clockS = Number(await page.getByTestId('review-scrub').getAttribute('max'));
      const presented = await page.evaluate('window.__presented');
      console.log(`speed ${speed}x: clock ${clockS.toFixed(2)} s, wall ${((Date.now() - started) / 1000).toFixed(1)} s, frames presented ${JSON.stringify(presented)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
