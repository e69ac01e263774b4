/**
 * A tab sent to the background mid-analysis. Headless Chromium never hides a page on its own
 * (bringToFront of another page leaves it 'visible'), so visibility is simulated: the page's
 * document.visibilityState is overridden and a visibilitychange event sent, which is what the
 * pipeline listens to. What this pins down: the app says it keeps going in the background, the
 * analysis really does keep going while "hidden", and it finishes with every frame.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, clip, launch, skipReason } from './harness';

const reason = skipReason(true);
if (reason) console.warn(`hidden-tab e2e skipped: ${reason}`);

describe.skipIf(reason !== null)('analysis in a background tab', () => {
  it('keeps analysing while hidden, says so, and finishes with every frame', async () => {
    const session = await launch();
    try {
      const page = session.page;
      await page.goto(baseUrl());
      await page.getByTestId('video-file-input').setInputFiles(clip('side-two-reps-good.mp4'));
      await page.waitForFunction(() => document.querySelector('[data-phase="analysing"]'), null, { timeout: 60_000 });
      const setVisibility = (state: 'hidden' | 'visible') =>
        page.evaluate((s) => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
          document.dispatchEvent(new Event('visibilitychange'));
        }, state);
      await setVisibility('hidden');
      const framesNow = async () => Number(((await page.getByTestId('progress-frames').textContent().catch(() => null)) ?? '187 /').split('/')[0]);
      const atHide = await framesNow();
      await expect.poll(() => page.getByTestId('analysis-phase').textContent(), { timeout: 10_000 }).toMatch(/background; analysis continues/);
      // Frames keep coming while hidden.
      await expect.poll(framesNow, { timeout: 30_000 }).toBeGreaterThan(atHide + 10);
      await setVisibility('visible');
      await page.getByTestId('frames-with-pose').waitFor({ timeout: 240_000 });
      expect(Number(await page.getByTestId('frames-total').textContent())).toBe(187);
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
