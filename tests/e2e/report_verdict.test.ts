/**
 * The report a lifter reads (issue 9), in headless Chromium on the harness page with real clips
 * and the tracks our pipeline extracted from them (fixtures/tracks; the page runs the core's
 * analyze()): the verdict first, folds, keyboard reach, the phone layout, nothing cut off, one
 * source of truth per number (against the same analyze() run here in Node and the downloaded
 * CSV), and the review that follows the lifter with the phase label right along the scrub bar.
 * Screenshots go to tests/e2e/screenshots/; with DOCS_SCREENSHOTS=1 also the README's pictures to
 * docs/screenshots/ (MIT-licensed clips only: front-*-lowres, see ../shared/fixtures/MANIFEST.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { clipsDir, launch, repoRoot, screenshotsDir, sharedFixtures, skipReason, type Session } from './harness';
import { startHarness } from './report_harness/serve';
import { clippedElements, openAllFolds, openFold, scrollRegions, setScrub, tabStops } from './report_helpers';
import { analyze } from '../../src/core/analyze';
import { metricDef, isMetricKey } from '../../src/core/metrics/registry';
import { repValue } from '../../src/core/series';
import type { Analysis, PoseTrack, Side } from '../../src/core/types';
import { parseCsv } from '../../src/export/csv';
import { formatMetric } from '../../src/ui/report/labels';

const tracksDir = path.join(repoRoot, 'fixtures/tracks');
const docsShots = process.env.DOCS_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs/screenshots') : null;

const reason = skipReason(true) ?? (!existsSync(path.join(tracksDir, 'oblique-heel-lift.json')) ? 'fixtures/tracks not present' : null);
if (reason) console.warn(`report verdict e2e skipped: ${reason}`);

/** The clip a fixture track was extracted from (same stem, any extension), if it is in ../shared. */
function clipOf(trackFile: string): string | null {
  const stem = trackFile.replace(/\.json$/, '');
  return existsSync(clipsDir) ? (readdirSync(clipsDir).find((f) => f.replace(/\.[^.]+$/, '') === stem) ?? null) : null;
}

function trackAnalysis(trackFile: string): { track: PoseTrack; analysis: Analysis } {
  const track = JSON.parse(readFileSync(path.join(tracksDir, trackFile), 'utf8')) as PoseTrack;
  return { track, analysis: analyze(track) };
}

async function shot(session: Session, name: string, fullPage = false): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await session.page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage });
}

describe.skipIf(reason !== null)('the report a lifter reads (harness page, real tracks)', () => {
  let server: ViteDevServer;
  let url: string;
  let session: Session;

  /** Opens the harness on a clip and its track; waits for the video unless asked not to (an AVI never loads in a browser). */
  const open = async (clip: string, options: { mirrored?: boolean; second?: string; waitForVideo?: boolean } = {}) => {
    const clips = [clip, options.second].filter(Boolean) as string[];
    const tracks = clips.map((c) => `/fixtures/tracks/${c.replace(/\.[^.]+$/, '')}.json`);
    await session.page.goto(`${url}?clip=${clips.join(',')}&track=${tracks.join(',')}${options.mirrored ? '&mirrored=1' : ''}`);
    await session.page.waitForSelector('[data-testid="report"]', { timeout: 60_000 });
    if (options.waitForVideo === false) return;
    await session.page.waitForFunction(() => (document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement | null)?.readyState! >= 1);
  };
  const thumbsDrawn = () =>
    session.page.waitForFunction(() => [...document.querySelectorAll('.evidence-thumb canvas')].every((c) => (c as HTMLCanvasElement).dataset.drawn === 'true'), null, { timeout: 30_000 });
  /** Shows a moment of the report's video (the evidence frame of the verdict, or a rep's bottom) for a picture. */
  const showFrame = async (t: number) => {
    await session.page.locator('[data-testid="report-video"] video').evaluate((v: HTMLVideoElement, time: number) => {
      v.pause();
      v.currentTime = time;
    }, t);
    await session.page.waitForFunction(() => !(document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement).seeking);
    await session.page.waitForTimeout(300);
  };

  beforeAll(async () => {
    ({ server, url } = await startHarness(repoRoot, sharedFixtures, 5420));
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('with findings (oblique-heel-lift): the verdict first and in view, at most three items with their evidence frames; one click plays from there', async () => {
    const { page } = session;
    const { analysis } = trackAnalysis('oblique-heel-lift.json');
    const verdict = analysis.verdict!;
    await open('oblique-heel-lift.mp4');
    expect(await page.getByTestId('verdict-sentence').textContent()).toBe(verdict.sentence);
    // MANIFEST: "repeated squats with heels clearly off the floor at the bottom": heel lift is an item.
    expect(verdict.items.some((item) => item.fault === 'heel_lift')).toBe(true);
    const items = await page.locator('.verdict-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-item')));
    expect(items).toEqual(verdict.items.map((item) => item.id));
    expect(items.length).toBeLessThanOrEqual(3);
    // The sentence and the first item are on the first screen of a laptop.
    const first = await page.locator('.verdict-item').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThanOrEqual(720);
    for (const item of await page.locator('.verdict-item').all()) {
      const text = (await item.textContent()) ?? '';
      expect(text).toMatch(/(Left side|Right side|Both sides|Sure|Fairly sure|Not sure)/);
      expect(text).toMatch(/seen from (the front|the side|45 degrees)/);
      expect(text).toMatch(/Work on/);
    }
    await thumbsDrawn();
    // The report before the folds fits in about 2.5 laptop screens.
    const firstFold = await page.locator('details[data-fold]').first().boundingBox();
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(`oblique-heel-lift at 1280x720: first fold at ${Math.round(firstFold!.y)} px (${(firstFold!.y / 720).toFixed(2)} screens), page ${pageHeight} px with the folds closed`);
    expect(firstFold!.y).toBeLessThan(2.5 * 720);
    expect(await page.evaluate(() => [...document.querySelectorAll('details[data-fold]')].every((d) => !(d as HTMLDetailsElement).open))).toBe(true);
    await shot(session, 'verdict-findings-1280');
    await shot(session, 'verdict-findings-1280-full', true);

    const t = verdict.items[0]!.evidence.t;
    await page.getByTestId('evidence-thumb').first().click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="report-video"] video') as HTMLVideoElement).paused, null, { timeout: 10_000 });
    const state = await page.locator('[data-testid="report-video"] video').evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, paused: v.paused }));
    expect(state.paused).toBe(false);
    expect(state.t).toBeGreaterThanOrEqual(t - 1 / analysis.source.fps);
    expect(await page.getByTestId('seek-announcement').textContent()).toMatch(/playing from/);
  });

  it('without findings (front-deep-good-lowres): "looks fine" said plainly, and what a front view could not check', async () => {
    const { page } = session;
    const { analysis } = trackAnalysis('front-deep-good-lowres.json');
    await open('front-deep-good-lowres.mp4');
    expect(await page.getByTestId('verdict').getAttribute('data-status')).toBe('fine');
    expect(await page.getByTestId('verdict-sentence').textContent()).toBe(analysis.verdict!.sentence);
    expect(await page.getByTestId('looks-fine').isVisible()).toBe(true);
    expect(await page.getByTestId('not-checked').textContent()).toMatch(/Not checked from this view: .*need a side or 45-degree view/);
    expect(await page.locator('.verdict-item').count()).toBe(0);
    await showFrame(analysis.reps[0]!.bottom);
    await shot(session, 'verdict-fine-1280');
  });

  it('folds: closed at first, opened and closed with the mouse and the keyboard, content hidden until opened', async () => {
    const { page } = session;
    await open('side-two-reps-good.mp4');
    const fold = page.locator('details[data-fold="reps"]');
    expect(await page.locator('.rep-card').first().isVisible()).toBe(false);
    await fold.locator('summary').click();
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await page.locator('.rep-card').first().isVisible()).toBe(true);
    await fold.locator('summary').click();
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    // Keyboard: the summary takes focus; Enter and Space toggle it.
    await fold.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await page.keyboard.press(' ');
    expect(await fold.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    // Charts are built once their fold opens.
    expect(await page.locator('.metric-chart').count()).toBe(0);
    await openFold(page, 'charts');
    await page.locator('.metric-chart').first().waitFor();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`${viewport.width} px: every scroll region is focusable, named, and reached with Tab; nothing cut off`, async () => {
      const { page } = session;
      await page.setViewportSize(viewport);
      await open('front-two-reps-good.mp4', { second: 'front-shallow-lowres.mp4' });
      await openAllFolds(page);
      await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
      await page.waitForTimeout(500);
      const regions = await scrollRegions(page);
      // Where a table may scroll sideways (a narrow screen), its box takes focus and has a name, scrolling or not.
      const scrollBoxes = await page.locator('.table-scroll').evaluateAll((els) => els.map((el) => ({ tabIndex: (el as HTMLElement).tabIndex, label: el.getAttribute('aria-label') })));
      expect(scrollBoxes.length).toBeGreaterThanOrEqual(2);
      for (const box of scrollBoxes) {
        expect(box.tabIndex).toBe(0);
        expect(box.label).toBeTruthy();
      }
      console.log(`${viewport.width} px: ${regions.length} scroll regions (${regions.map((r) => r.describe).join(', ')}), ${scrollBoxes.length} table boxes`);
      for (const region of regions) {
        expect(region.tabIndex, `${region.describe} scrolls but cannot take focus`).toBe(0);
        expect(region.label, `${region.describe} has no name`).toBeTruthy();
      }
      const stops = await tabStops(page);
      for (const region of regions) expect(stops.some((s) => s.endsWith(`|${region.label}`)), `${region.describe} not reached by Tab`).toBe(true);
      for (const box of scrollBoxes) expect(stops.some((s) => s.endsWith(`|${box.label}`)), `${box.label} not reached by Tab`).toBe(true);
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // Per-rep values, the verdict and the fold titles are never hidden behind a scroll or cut off.
      expect(await clippedElements(page, '.rep-card [data-measure], .verdict [data-measure], .verdict-item-title, .fold-title, .tech-facts dd')).toEqual([]);
      if (viewport.width >= 1000) {
        // On a laptop the tables fit too: no sideways scroll inside them.
        expect(regions.filter((r) => r.scrollsX)).toEqual([]);
        expect(await clippedElements(page, '.report td, .report th')).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    });
  }

  it('390x844: the verdict on the first screen, per-rep cards with every value visible, no sideways scroll; screenshots', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await open('oblique-heel-lift.mp4');
    await thumbsDrawn();
    const sentence = await page.getByTestId('verdict-sentence').boundingBox();
    expect(sentence!.y + sentence!.height).toBeLessThan(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(session, 'verdict-findings-390');
    await openFold(page, 'reps');
    const cards = page.locator('.rep-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    // Cards stack in one column on a phone.
    const boxes = await cards.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, width: r.width })));
    expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
    expect(await clippedElements(page, '.rep-card [data-measure], .rep-card .flag-chip, .rep-card dt')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('details[data-fold="reps"]').scrollIntoViewIfNeeded();
    await page.locator('.rep-card').first().scrollIntoViewIfNeeded();
    await shot(session, 'rep-cards-390');
    await open('front-deep-good-lowres.mp4');
    await shot(session, 'verdict-fine-390');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('one source of truth in Chromium: every number shown, on every fixture track, is the registry formatting of rep.measures, and the CSV holds the same', async () => {
    const { page } = session;
    const files = readdirSync(tracksDir).filter((f) => f.endsWith('.json')).sort();
    let checked = 0;
    for (const file of files) {
      const clip = clipOf(file);
      if (!clip) continue;
      const { analysis } = trackAnalysis(file);
      // The numbers do not need the video (gym-rear-oblique-barbell.avi does not play in a browser).
      await open(clip, { waitForVideo: false });
      for (const id of ['reps', 'left-right']) await openFold(page, id);
      const shown = await page.locator('[data-measure]').evaluateAll((els) =>
        els.map((el) => ({ ref: el.getAttribute('data-measure')!, number: el.querySelector('.measure-number')?.textContent ?? null, text: el.textContent ?? '' })),
      );
      if (analysis.reps.length) expect(shown.length, file).toBeGreaterThan(0);
      for (const s of shown) {
        const [rep, key, side] = s.ref.split(':').slice(-3) as [string, string, string];
        if (!isMetricKey(key)) throw new Error(`bad data-measure ${s.ref}`);
        const measure = repValue(analysis.reps[Number(rep)]!, key, side === 'left' || side === 'right' ? (side as Side) : null);
        const where = `${file} ${s.ref}`;
        if (!measure || !analysis.measurability[key].measurable) {
          expect(s.number, where).toBe('not measurable');
          continue;
        }
        expect(s.text, where).toContain(metricDef(key).plain(measure.value));
        if (s.number !== null) expect(s.number, where).toBe(formatMetric(key, measure.value));
      }
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="reps-csv"]').click()]);
      const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
      const header = rows[0]!;
      for (const s of shown) {
        const [rep, key, side] = s.ref.split(':').slice(-3) as [string, string, string];
        const cell = rows[Number(rep) + 1]![header.indexOf(`peak_${key}${side ? `_${side}` : ''}`)]!;
        if (s.number === 'not measurable') expect(cell, `${file} ${s.ref}`).toBe('');
        else if (isMetricKey(key)) expect(s.text, `${file} ${s.ref} csv ${cell}`).toContain(metricDef(key).plain(Number(cell)));
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(files.length - 1);
  });

  it('review: each panel follows and crops to its lifter, labels beside the body, the phase label right at every point of the scrub bar', async () => {
    const { page } = session;
    const { track } = trackAnalysis('front-two-reps-good.json');
    await open('front-two-reps-good.mp4');
    await openFold(page, 'review');
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => (v as HTMLVideoElement).readyState >= 2));
    // The panel shows a crop around the lifter: smaller than the picture (she is small in a 852x480 frame).
    const crop = (await page.locator('[data-testid="review-video-a"] canvas').getAttribute('data-crop'))!.split(',').map(Number);
    expect(crop[3]!).toBeLessThan(track.source.height * 0.95);
    expect(crop[2]! / crop[3]!).toBeCloseTo(1, 2);
    // The labels sit beside the body, not on it, and do not overlap.
    await page.waitForFunction(() => JSON.parse((document.querySelector('[data-testid="review-video-a"] canvas') as HTMLCanvasElement).dataset.layout ?? '{"labels":[]}').labels.length > 0);
    for (const panel of ['a', 'b']) {
      const layout = JSON.parse((await page.locator(`[data-testid="review-video-${panel}"] canvas`).getAttribute('data-layout'))!) as {
        body: { left: number; right: number };
        labels: { text: string; x: number; y: number; width: number; height: number }[];
      };
      expect(layout.labels.length).toBeGreaterThan(0);
      layout.labels.forEach((label, i) => {
        expect(label.x + label.width <= layout.body.left + 0.5 || label.x >= layout.body.right - 0.5, `${label.text} on the body`).toBe(true);
        for (const other of layout.labels.slice(0, i)) {
          const apart = label.x >= other.x + other.width || other.x >= label.x + label.width || label.y >= other.y + other.height || other.y >= label.y + label.height;
          expect(apart, `${label.text} over ${other.text}`).toBe(true);
        }
      });
    }
    // At the bottom mark the label says so.
    const bottomClock = Number(await page.locator('.phase-marks [data-mark="bottom"]').getAttribute('data-clock'));
    await setScrub(page, bottomClock);
    expect(await page.getByTestId('review-phase').getAttribute('data-phase')).toBe('bottom');
    expect(await page.getByTestId('review-phase').textContent()).toContain('at the bottom');
    // Every few pixels along the bar: a click there, and the label names the band under the pointer
    // (in passes of clicks 24 px apart, more than the 18 px thumb: a click on the thumb does not move it).
    await page.getByTestId('review-scrub').scrollIntoViewIfNeeded();
    const bar = (await page.getByTestId('review-scrub').boundingBox())!;
    const bands = await page.locator('.phase-band').evaluateAll((els) => els.map((el) => ({ name: el.getAttribute('data-band')!, ...el.getBoundingClientRect().toJSON() })));
    let compared = 0;
    for (const offset of [0, 6, 12, 18]) {
      for (let x = bar.x + 10 + offset; x < bar.x + bar.width - 10; x += 24) {
        const band = bands.find((b) => x >= b.left + 1 && x <= b.right - 1);
        if (!band) continue;
        await page.mouse.click(x, bar.y + bar.height / 2);
        expect(await page.getByTestId('review-phase').getAttribute('data-phase'), `x = ${x.toFixed(0)} over ${band.name}`).toBe(band.name);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    await setScrub(page, bottomClock);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => !(v as HTMLVideoElement).seeking));
    await page.waitForTimeout(400);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-crop-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(screenshotsDir, 'review-crop-390.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('mirror: a camera recording is shown mirrored, as its preview was, in the report, its evidence frames and the review; the toggle flips it', async () => {
    const { page } = session;
    await open('side-two-reps-good.mp4', { mirrored: true });
    expect(await page.getByTestId('report-video').getAttribute('data-mirrored')).toBe('true');
    await openFold(page, 'review');
    await page.waitForSelector('[data-testid="rep-review"] [data-panel="b"] video');
    expect(await page.getByTestId('review-video-a').getAttribute('data-mirrored')).toBe('true');
    expect(await page.getByTestId('review-video-b').getAttribute('data-mirrored')).toBe('true');
    // The browser's controls would be mirrored with the picture (time running right to left):
    // a mirrored video has its own, left to right.
    const video = page.getByTestId('analysed-video');
    expect(await video.evaluate((v: HTMLVideoElement) => v.controls)).toBe(false);
    await page.waitForFunction(() => ((document.querySelector('[data-testid="analysed-video"]') as HTMLVideoElement | null)?.duration ?? 0) > 0);
    const slider = page.getByTestId('report-video-controls').getByRole('slider', { name: 'Position in the video' });
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid="analysed-video"]') as HTMLVideoElement;
      return !v.seeking && v.currentTime / v.duration > 0.75;
    });
    const fraction = await video.evaluate((v: HTMLVideoElement) => v.currentTime / v.duration);
    expect(fraction).toBeGreaterThan(0.75);
    expect(fraction).toBeLessThan(1.0001);
    const shown = await page.getByTestId('report-video-controls').locator('.mirrored-time').textContent();
    expect(shown).toMatch(/^0:0\d\.\d \/ 0:0\d\.\d$/);
    mkdirSync(screenshotsDir, { recursive: true });
    await page.getByTestId('report-video').screenshot({ path: path.join(screenshotsDir, 'report-mirrored-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.getByTestId('report-video').screenshot({ path: path.join(screenshotsDir, 'report-mirrored-390.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('report-video-controls').getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="analysed-video"]') as HTMLVideoElement).paused || (document.querySelector('[data-testid="analysed-video"]') as HTMLVideoElement).ended);
    await page.getByTestId('report-mirror').uncheck();
    expect(await page.getByTestId('report-video').getAttribute('data-mirrored')).toBe('false');
    expect(await video.evaluate((v: HTMLVideoElement) => v.controls)).toBe(true);
    expect(await page.getByTestId('report-video-controls').count()).toBe(0);
    await open('side-two-reps-good.mp4');
    expect(await page.getByTestId('report-video').getAttribute('data-mirrored')).toBe('false');
    const origin = new URL(url).origin;
    expect(session.offOriginRequests.filter((r) => !r.startsWith(origin))).toEqual([]);
  });

  it.skipIf(docsShots === null)('the README\'s pictures (DOCS_SCREENSHOTS=1): MIT-licensed clips only', async () => {
    const { page } = session;
    mkdirSync(docsShots!, { recursive: true });
    const docShot = async (name: string) => page.screenshot({ path: path.join(docsShots!, `${name}.png`) });
    // A report with a finding: the half squat, filmed from the front.
    const shallow = trackAnalysis('front-shallow-lowres.json').analysis;
    await open('front-shallow-lowres.mp4');
    await thumbsDrawn();
    await showFrame(shallow.verdict!.items[0]?.evidence.t ?? shallow.reps[0]!.bottom);
    await docShot('report-findings-1280');
    // A report that looks fine, on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await open('front-deep-good-lowres.mp4');
    await showFrame(trackAnalysis('front-deep-good-lowres.json').analysis.reps[0]!.bottom);
    await page.evaluate(() => window.scrollTo(0, 0));
    await docShot('report-fine-390');
    // The review: the deep squat beside the half squat, at the bottom.
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('front-deep-good-lowres.mp4', { second: 'front-shallow-lowres.mp4' });
    await openFold(page, 'review');
    await page.locator('[data-pair^="video-"]').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => (v as HTMLVideoElement).readyState >= 2));
    const bottomClock = Number(await page.locator('.phase-marks [data-mark="bottom"]').getAttribute('data-clock'));
    await setScrub(page, bottomClock);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="rep-review"] video')].every((v) => !(v as HTMLVideoElement).seeking));
    await page.waitForTimeout(500);
    await page.locator('[data-testid="rep-review"]').screenshot({ path: path.join(docsShots!, 'review-1280.png') });
  });
});
