/**
 * Two people in the picture, in the real app: upload gym-oblique-goblet-two-people.mp4 (a woman
 * goblet-squats one rep, a coach stands beside her: ../shared/fixtures/MANIFEST.md), see the
 * warning and the "who is the lifter?" picker, tap the coach and see the report follow him, then
 * choose her again with the keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clip, screenshot, skipReason, type Session } from './harness';
import { uploadAndWait } from './upload_helpers';
import { openAppForSuite } from './app_session';

const reason = skipReason(true);
if (reason) console.warn(`people tap e2e skipped: ${reason}`);

/** Frame 14 (30 fps): she is at the bottom of her squat, he stands. */
const BOTTOM_T = 14.5 / 30;

/**
 * Hips of each person at frame 14, read by eye off the frame drawn with a 10 % grid (fractions of
 * the 1280x720 frame; the same labels as tests/unit/cli/people_real_clip.test.ts).
 */
const HER_HIPS = { x: 0.4, y: 0.69 };
const HIS_HIPS = { x: 0.58, y: 0.39 };

/**
 * Skeleton pixels (the overlay's blue and orange limb colours) within 5 % of the frame width of
 * a point. The overlay canvas has the frame's own pixel size.
 */
async function skeletonInkNear(page: Page, point: { x: number; y: number }): Promise<number> {
  return page.getByTestId('skeleton-canvas').evaluate((canvas: HTMLCanvasElement, p) => {
    const ctx = canvas.getContext('2d')!;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const limb = [
      [0x2f, 0x7b, 0xd8],
      [0xe8, 0x78, 0x1e],
    ];
    const r = 0.05 * width;
    const cx = p.x * width;
    const cy = p.y * height;
    let n = 0;
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(height, cy + r); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(width, cx + r); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const o = (y * width + x) * 4;
        if (data[o + 3] < 200) continue;
        if (limb.some((c) => Math.abs(data[o] - c[0]) + Math.abs(data[o + 1] - c[1]) + Math.abs(data[o + 2] - c[2]) < 60)) n += 1;
      }
    }
    return n;
  }, point);
}

async function seekReport(page: Page, t: number): Promise<void> {
  const frame = String(Math.round(t * 30 - 0.5));
  await page.locator('[data-testid="report-video"] video').evaluate((v: HTMLVideoElement, time) => {
    v.pause();
    v.currentTime = time;
  }, t);
  await expect.poll(() => page.getByTestId('skeleton-canvas').getAttribute('data-frame-index'), { timeout: 10_000 }).toBe(frame);
}

function warning(page: Page) {
  return page.locator('.warnings li[data-code="several_people"]');
}

describe.skipIf(reason !== null)('two people: the app follows the lifter, and the user can point at the other one', () => {
  let session: Session;
  openAppForSuite((opened) => (session = opened));

  it('says two people were there, follows her, and follows him once he is tapped', async () => {
    const { page } = session;
    const outcome = await uploadAndWait(page, clip('gym-oblique-goblet-two-people.mp4'));
    expect(outcome.kind, JSON.stringify(outcome)).toBe('done');

    await expect.poll(() => warning(page).textContent()).toContain(
      'Two people were in the picture; we followed the one who squats (on the left of the picture). Not right? Tap the lifter on the first frame.',
    );
    expect((await page.getByTestId('rep-count').textContent())!.trim()).toMatch(/^1\b/);

    const picker = page.getByTestId('people-picker');
    await picker.waitFor({ state: 'visible' });
    const boxes = picker.locator('.person-box');
    expect(await boxes.count()).toBe(2);
    const followed = picker.locator('.person-box[data-followed="true"]');
    const other = picker.locator('.person-box[data-followed="false"]');
    expect(await followed.getAttribute('aria-label')).toBe('The person on the left: followed');
    expect(await other.getAttribute('aria-label')).toBe('Follow the person on the right');
    const herBox = (await followed.boundingBox())!;
    const hisBox = (await other.boundingBox())!;
    expect(herBox.x + herBox.width / 2).toBeLessThan(hisBox.x + hisBox.width / 2);
    const herTestId = (await followed.getAttribute('data-testid'))!;
    const hisTestId = (await other.getAttribute('data-testid'))!;

    await seekReport(page, BOTTOM_T);
    const before = { her: await skeletonInkNear(page, HER_HIPS), him: await skeletonInkNear(page, HIS_HIPS) };
    await screenshot(page, 'people-two-followed-lifter');
    expect(before.her, JSON.stringify(before)).toBeGreaterThan(100);
    expect(before.him, JSON.stringify(before)).toBeLessThan(before.her / 5);

    // Tap the coach, a little off the middle of his box, as a finger would.
    await page.getByTestId(hisTestId).click({ position: { x: hisBox.width * 0.4, y: hisBox.height * 0.3 } });
    await expect.poll(() => page.getByTestId(hisTestId).getAttribute('data-followed'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByTestId(herTestId).getAttribute('data-followed')).toBe('false');
    await expect.poll(() => warning(page).textContent()).toContain('Two people were in the picture; we followed the one you chose (on the right of the picture).');

    // The skeleton moved from her hips to his.
    await seekReport(page, BOTTOM_T + 1 / 30);
    await seekReport(page, BOTTOM_T);
    const after = { her: await skeletonInkNear(page, HER_HIPS), him: await skeletonInkNear(page, HIS_HIPS) };
    await screenshot(page, 'people-two-followed-coach');
    expect(after.him, JSON.stringify(after)).toBeGreaterThan(100);
    expect(after.her, JSON.stringify(after)).toBeLessThan(after.him / 5);

    // Back to her with the keyboard only.
    await page.getByTestId(herTestId).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(herTestId).getAttribute('data-followed'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => warning(page).textContent()).toContain('we followed the one you chose (on the left of the picture).');
    expect((await page.getByTestId('rep-count').textContent())!.trim()).toMatch(/^1\b/);

    await page.setViewportSize({ width: 390, height: 844 });
    await picker.scrollIntoViewIfNeeded();
    await screenshot(page, 'people-two-390');
    await page.setViewportSize({ width: 1280, height: 720 });

    expect(session.offOriginRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
