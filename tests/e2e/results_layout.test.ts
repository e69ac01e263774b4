/**
 * The Results page after an upload, at 1280x720 and at phone width (390 px): the verdict first
 * and one video (the player with the skeleton): side by side and both in view on a laptop; on a
 * phone the verdict's sentence on the first screen and the video right after the verdict; nothing
 * wider than the screen. Screenshots for a person to look at: results-1280*.png, results-390*.png.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { baseUrl, clip, launch, screenshot, screenshotsDir, skipReason } from './harness';
import { uploadAndWait } from './upload_helpers';

const reason = skipReason(true);
if (reason) console.warn(`e2e results layout skipped: ${reason}`);

async function resultsBoxes(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const panel = document.getElementById('panel-results')!;
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return {
      videos: panel.querySelectorAll('video').length,
      video: box(panel.querySelector('[data-testid="analysed-video"]')),
      canvas: box(panel.querySelector('[data-testid="skeleton-canvas"]')),
      facts: box(panel.querySelector('[data-testid="frames-with-pose"]')),
      sentence: box(panel.querySelector('[data-testid="verdict-sentence"]')),
      verdict: box(panel.querySelector('[data-testid="verdict"]')),
      overflowX: document.documentElement.scrollWidth - window.innerWidth,
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

describe.skipIf(reason !== null)('results page layout', () => {
  for (const viewport of [
    { width: 1280, height: 720, name: 'results-1280' },
    { width: 390, height: 844, name: 'results-390' },
  ]) {
    it(`${viewport.width}x${viewport.height}: the verdict first, one video with its skeleton, nothing wider than the screen`, async () => {
      const session = await launch({ viewport: { width: viewport.width, height: viewport.height } });
      const { page } = session;
      try {
        await page.goto(baseUrl());
        const outcome = await uploadAndWait(page, clip('side-forward-lean-rotated.mp4'));
        expect(outcome.kind, JSON.stringify(outcome)).toBe('done');
        await page.getByTestId('rep-count').waitFor();
        await page.waitForFunction(() => (document.querySelector('[data-testid="analysed-video"]') as HTMLVideoElement | null)?.readyState! >= 2);
        await page.evaluate(() => window.scrollTo(0, 0));
        const boxes = await resultsBoxes(page);
        expect(boxes.videos).toBe(1);
        expect(boxes.overflowX).toBeLessThanOrEqual(0);
        // The overlay covers the video exactly.
        expect(boxes.canvas).toEqual(boxes.video);
        // The verdict's sentence is on the first screen; the video fits the screen's width.
        expect(boxes.sentence!.bottom).toBeLessThanOrEqual(viewport.height);
        expect(boxes.video!.right).toBeLessThanOrEqual(viewport.width);
        if (viewport.width >= 1000) {
          // Side by side on a laptop: the whole video and the verdict's sentence without scrolling.
          expect(boxes.video!.top).toBeLessThan(viewport.height / 2);
          expect(boxes.video!.bottom).toBeLessThanOrEqual(viewport.height);
          expect(boxes.video!.right).toBeLessThanOrEqual(boxes.sentence!.left);
        } else {
          // On a phone the verdict comes first, then the video.
          expect(boxes.video!.top).toBeGreaterThanOrEqual(boxes.verdict!.bottom);
        }
        await page.screenshot({ path: path.join(screenshotsDir, `${viewport.name}-view.png`) });
        await screenshot(page, viewport.name);
        expect(session.offOriginRequests).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
