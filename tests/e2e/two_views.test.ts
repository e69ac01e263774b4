/**
 * Two cameras, one set, end to end in headless Chromium: two of the shared synchronised Pose2Sim
 * clips (../shared/fixtures/multiview) uploaded one after the other, camera B cut by a known
 * number of frames at test time. A person sees the offset found from the motion, the fused
 * report with each finding's view, can nudge the offset, and plays the same rep from both
 * cameras side by side in step. (The Pose2Sim movement is not a squat: the rep found in one
 * camera is not always found in the other, so the same-rep review is tested on synthetic squats,
 * tests/unit/multiview; here both whole videos play on the aligned clock.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, screenshot, screenshotsDir, sharedFixtures, skipReason, type Session } from './harness';
import { ffmpeg, tempDir } from './upload_helpers';

const multiviewDir = path.join(sharedFixtures, 'multiview');
const reason = skipReason(false) ?? (existsSync(multiviewDir) ? null : `shared multiview clips not found at ${multiviewDir}`);
if (reason) console.warn(`two-view e2e skipped: ${reason}`);

/** Frames cut off the start of camera B: B starts this much later than A. */
const CUT_FRAMES = 6;
const FPS = 60;

async function upload(session: Session, file: string): Promise<void> {
  const { page } = session;
  await page.getByRole('tab', { name: /Analyse a video/ }).click();
  // The committed multiview tracks (and the Node measurements in docs) use the full model.
  await page.locator('input[name="pose-model"][value="full"]').check();
  await page.getByTestId('video-file-input').setInputFiles(file);
  const name = path.basename(file);
  await page.waitForFunction((n) => document.querySelector('[data-testid="report"]')?.getAttribute('aria-label') === `Report for ${n}`, name, { timeout: 300_000 });
  console.log(`two-view e2e: ${name}: ${await page.getByTestId('rep-count').textContent()} reps, view ${await page.getByTestId('view-kind').textContent()}`);
}

/** A copy of `clip` with its first `frames` frames cut off (the other "camera" starts later), in a temp folder. */
function cutStart(clip: string, frames: number, name: string): string {
  const out = path.join(tempDir('two-views-'), name);
  ffmpeg(['-i', clip, '-vf', `trim=start_frame=${frames},setpts=PTS-STARTPTS`, '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', out]);
  return out;
}

describe.skipIf(reason !== null)('two cameras of one set in the app', () => {
  let session: Session;
  let cut = '';

  beforeAll(async () => {
    cut = cutStart(path.join(multiviewDir, 'pose2sim-demo-cam02.mp4'), CUT_FRAMES, `cam02-cut${CUT_FRAMES}.mp4`);
    session = await launch();
    await session.page.goto(baseUrl());
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lines the two videos up, shows the offset, the fused report and plays both in step', async () => {
    const { page } = session;
    await upload(session, path.join(multiviewDir, 'pose2sim-demo-cam01.mp4'));
    await upload(session, cut);

    const panel = page.getByTestId('two-view');
    await panel.waitFor({ state: 'visible' });
    await page.getByTestId('two-view-open').click();
    const offset = page.getByTestId('two-view-offset');
    // The MANIFEST says the cameras are in sync; Node measures cam01 -> cam02 at +1.7 ms.
    const offsetS = Number(await offset.getAttribute('data-offset-s'));
    console.log(`two-view e2e: offset ${offsetS} s (cut ${CUT_FRAMES / FPS} s), ${await offset.innerText()}`);
    expect(Math.abs(offsetS - CUT_FRAMES / FPS)).toBeLessThan(0.5 / FPS);
    expect(await offset.innerText(), `offset ${offsetS}`).toMatch(/starts 0\.\d{3} s after/);
    expect(Number(await offset.getAttribute('data-confidence'))).toBeGreaterThan(0.5);

    // One verdict for the set; every finding says which view it came from.
    await expect.poll(() => page.getByTestId('two-view-verdict').locator('.verdict-text').innerText()).not.toBe('');
    const chips = await page.getByTestId('two-view-verdict').locator('.view-chip').allInnerTexts();
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) expect(chip).toMatch(/(front|side|oblique) view/);
    await screenshot(page, 'two-views-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'two-views-390');
    await page.setViewportSize({ width: 1280, height: 720 });
    // Metrics neither front-ish camera can measure are said to be not measurable.
    expect(await page.getByTestId('two-view-verdict').innerText()).toMatch(/not measurable from either view/i);

    // Both cameras in step: B shows A's moment minus the offset, frame-locked while playing.
    const pair = page.getByTestId('synced-pair');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="synced-pair"] video')].every((v) => (v as HTMLVideoElement).readyState >= 1));
    await page.evaluate(() => {
      const [a, b] = [...document.querySelectorAll('[data-testid="synced-pair"] video')] as HTMLVideoElement[];
      const samples: [number, number][] = [];
      (window as unknown as { __pair: typeof samples }).__pair = samples;
      const loop = () => {
        if (!a!.seeking && !b!.seeking) samples.push([a!.currentTime, b!.currentTime]);
        if (samples.length < 2000) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    // A quarter of real time, so the software decoder of this 1080x1920 clip shows many frames.
    await page.getByTestId('synced-speed').selectOption('0.25');
    await page.getByTestId('synced-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="synced-play"]')!.textContent!.includes('Play'), null, { timeout: 120_000 });
    const pairSamples = await page.evaluate(() => (window as unknown as { __pair: [number, number][] }).__pair);
    const duration = 83 / FPS;
    const inBoth = pairSamples.filter(([ta, tb]) => tb > 0.001 && tb < duration - 0.05 && ta > offsetS);
    expect(inBoth.length).toBeGreaterThan(20);
    // Settled frames: A - B = the offset, to within one frame.
    for (const [ta, tb] of inBoth) expect(Math.abs(ta - tb - offsetS)).toBeLessThanOrEqual(1 / FPS + 0.001);
    expect(new Set(inBoth.map(([ta]) => ta.toFixed(3))).size).toBeGreaterThan(10);
    await pair.screenshot({ path: path.join(screenshotsDir, 'two-views-synced-1280.png') });

    // A manual nudge moves B by one of its frames and says it was set by hand.
    await page.getByTestId('nudge-forward').click();
    await expect.poll(async () => Number(await offset.getAttribute('data-offset-s'))).toBeCloseTo(offsetS + 1 / FPS, 3);
    expect(await offset.getAttribute('data-method')).toBe('manual');
    expect(await offset.innerText()).toMatch(/set by hand/);

    expect(session.offOriginRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});

const clipsDir = path.join(sharedFixtures, 'clips');
const heelClip = path.join(clipsDir, 'oblique-heel-lift.mp4');
const heelReason = skipReason(false) ?? (existsSync(heelClip) ? null : `shared clip not found at ${heelClip}`);
if (heelReason) console.warn(`two-view verdict e2e skipped: ${heelReason}`);

/** Frames cut off the start of the second copy (the clip is 25 fps). */
const HEEL_CUT_FRAMES = 8;
const HEEL_FPS = 25;

// Two copies of a clip whose heels lift, one cut at the start: two "cameras" of one set that both
// see the fault. The fused verdict lists it once, with the frame it was seen on; a click shows
// both cameras at that moment.
describe.skipIf(heelReason !== null)('the things to work on in a set read from two cameras', () => {
  let session: Session;
  let cut = '';

  beforeAll(async () => {
    cut = cutStart(heelClip, HEEL_CUT_FRAMES, `heel-cut${HEEL_CUT_FRAMES}.mp4`);
    session = await launch();
    await session.page.goto(baseUrl());
  });

  afterAll(async () => {
    expect(session.offOriginRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await session?.close();
  });

  it('each with the evidence frame of the camera it is taken from; clicking it shows both cameras there', async () => {
    const { page } = session;
    await upload(session, heelClip);
    await upload(session, cut);
    await page.getByTestId('two-view-open').click();
    const offsetS = Number(await page.getByTestId('two-view-offset').getAttribute('data-offset-s'));
    expect(Math.abs(offsetS - HEEL_CUT_FRAMES / HEEL_FPS)).toBeLessThan(0.5 / HEEL_FPS);

    const items = page.getByTestId('two-view-verdict-items').locator('.verdict-item');
    await items.first().waitFor({ state: 'visible' });
    const heel = page.getByTestId('two-view-verdict-items').locator('.verdict-item[data-fault="heel_lift"]');
    expect(await heel.count(), await page.getByTestId('two-view-verdict').innerText()).toBe(1);
    // Both cameras saw it: said once, from camera A, and that B saw it too.
    expect(await heel.getByTestId('item-view').innerText()).toMatch(/\(A: .*also seen by B\)/);
    const thumb = heel.getByTestId('evidence-thumb');
    await thumb.waitFor({ state: 'visible' });
    // The frame itself is drawn (from A's video), not an empty box.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="two-view-verdict-items"] .evidence-thumb canvas')].every((c) => (c as HTMLCanvasElement).dataset.drawn === 'true'), null, { timeout: 30_000 });
    const t = Number(/at (\d+\.\d+) s/.exec((await thumb.getAttribute('aria-label')) ?? '')?.[1]);
    expect(t).toBeGreaterThan(0);
    await page.getByTestId('two-view-verdict').screenshot({ path: path.join(screenshotsDir, 'two-views-verdict-1280.png') });
    await thumb.click();
    // A shows the frame's time, B the same moment on its own clock.
    const times = async () =>
      page.evaluate(() => ([...document.querySelectorAll('[data-testid="synced-pair"] video')] as HTMLVideoElement[]).map((v) => (v.seeking ? NaN : v.currentTime)));
    await expect.poll(async () => Math.abs((await times())[0]! - t), { timeout: 20_000 }).toBeLessThanOrEqual(1 / HEEL_FPS + 0.001);
    const [ta, tb] = await times();
    expect(Math.abs(ta! - tb! - offsetS)).toBeLessThanOrEqual(1 / HEEL_FPS + 0.001);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('two-view-verdict').screenshot({ path: path.join(screenshotsDir, 'two-views-verdict-390.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
