/** Helpers for the upload e2e tests: drive the real file input and wait for the outcome. */
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type UploadOutcome =
  | { kind: 'done'; framesWithPose: number; framesTotal: number; displaySize: string; backend: string }
  | { kind: 'error'; code: string; text: string };

/** Picks `file` through the page's file input and waits for results or an error message. */
export async function uploadAndWait(page: Page, file: string, timeoutMs = 240_000): Promise<UploadOutcome> {
  await page.getByRole('tab', { name: /Analyse a video/ }).click();
  await page.getByTestId('video-file-input').setInputFiles(file);
  const done = page.getByTestId('frames-with-pose');
  const error = page.getByTestId('analysis-error');
  await done.or(error).first().waitFor({ state: 'visible', timeout: timeoutMs });
  if (await error.isVisible()) {
    return { kind: 'error', code: (await error.getAttribute('data-code')) ?? '', text: await error.innerText() };
  }
  return {
    kind: 'done',
    framesWithPose: Number(await done.textContent()),
    framesTotal: Number(await page.getByTestId('frames-total').textContent()),
    displaySize: (await page.getByTestId('video-display-size').textContent()) ?? '',
    backend: (await page.getByTestId('pose-backend').textContent()) ?? '',
  };
}

/** Number of canvas pixels with any ink (alpha > 0) on the skeleton overlay. */
export async function skeletonInkPixels(page: Page): Promise<number> {
  return page.getByTestId('skeleton-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink += 1;
    return ink;
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args], { stdio: 'pipe' });
}

export function hasFfmpegEncoder(name: string): boolean {
  try {
    return execFileSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes(` ${name} `);
  } catch {
    return false;
  }
}

/** Picks `file` through the page's file input (optionally with a pose model) and waits for its report. */
export async function uploadAndWaitForReport(page: Page, file: string, options: { model?: 'lite' | 'full'; timeoutMs?: number } = {}): Promise<void> {
  const name = path.basename(file);
  await page.getByRole('tab', { name: /Analyse a video/ }).click();
  if (options.model) await page.locator(`input[name="pose-model"][value="${options.model}"]`).check();
  await page.getByTestId('video-file-input').setInputFiles(file);
  await page.waitForFunction((clipName) => document.querySelector('[data-testid="report"]')?.getAttribute('aria-label') === `Report for ${clipName}`, name, { timeout: options.timeoutMs ?? 240_000 });
}

/** The same, and waits until the set is saved to the history. */
export async function uploadAndWaitForHistory(page: Page, file: string): Promise<void> {
  await uploadAndWaitForReport(page, file);
  await page.waitForSelector('[data-testid="history-status"][data-status="saved"]', { timeout: 30_000 });
}
