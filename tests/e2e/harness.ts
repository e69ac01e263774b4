/**
 * Shared helpers for end-to-end tests: Debian's headless Chromium driven by playwright-core,
 * a guard that records every request leaving the app's own origin, and paths to the shared
 * fixtures (tests skip, saying why, where ../shared is absent).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/chromium_args';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedFixtures = path.resolve(repoRoot, '../shared/fixtures');
export const clipsDir = path.join(sharedFixtures, 'clips');
export const hasSharedClips = existsSync(clipsDir);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const screenshotsDir = path.join(repoRoot, 'tests/e2e/screenshots');

export function clip(name: string): string {
  return path.join(clipsDir, name);
}

export function skipReason(needsClips = true): string | null {
  if (!hasChromium) return `Chromium not found at ${chromiumPath} (apt-get install -y chromium)`;
  if (needsClips && !hasSharedClips) return `shared fixtures not found at ${clipsDir}`;
  return null;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

// Debian Chromium's flags (shared with the benchmarks), plus autoplay so videos can play
// without a click.
const baseFlags = [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'];

export interface LaunchOptions {
  /** Play this .y4m/.mjpeg through getUserMedia. */
  fakeCameraFile?: string;
  /** Grant camera permission (default true when fakeCameraFile is set). */
  grantCamera?: boolean;
  /** Deny camera permission (getUserMedia rejects with NotAllowedError). */
  denyCamera?: boolean;
  extraArgs?: string[];
  /** Ignore the page's Content-Security-Policy (only to test the off-origin guard itself). */
  bypassCsp?: boolean;
  /** Page size; default 1280x720. */
  viewport?: { width: number; height: number };
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request whose origin is not the app's own. Tests assert it stays empty. */
  offOriginRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  // playwright-core gives every launch() a fresh, empty profile of its own.
  const args = [...baseFlags, ...(options.extraArgs ?? [])];
  if (options.fakeCameraFile) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.fakeCameraFile}`);
    if (!options.denyCamera) args.push('--use-fake-ui-for-media-stream');
  } else if (options.denyCamera) {
    args.push('--use-fake-device-for-media-stream');
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, bypassCSP: options.bypassCsp ?? false });
  const origin = new URL(baseUrl()).origin;
  if (options.denyCamera) {
    await context.grantPermissions([], { origin });
  } else if (options.fakeCameraFile || options.grantCamera) {
    await context.grantPermissions(['camera', 'microphone'], { origin });
  }
  const offOriginRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) offOriginRequests.push(url);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    browser,
    context,
    page,
    offOriginRequests,
    consoleErrors,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** Makes a .y4m for Chromium's fake camera from a clip, at test time (never committed). */
export function makeY4m(clipPath: string, opts: { seconds?: number; width?: number; fps?: number } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'squat-y4m-'));
  const out = path.join(dir, `${path.basename(clipPath, path.extname(clipPath))}.y4m`);
  const width = opts.width ?? 480;
  execFileSync(
    'ffmpeg',
    ['-loglevel', 'error', '-y', '-i', clipPath, '-t', String(opts.seconds ?? 6), '-vf', `scale=${width}:-2,fps=${opts.fps ?? 30}`, '-pix_fmt', 'yuv420p', out],
    { stdio: 'pipe' },
  );
  return out;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Plays the open side-by-side review once at 1x and returns what both videos showed on every
 * animation frame: [rAF time, currentTime of panel a, currentTime of panel b].
 */
export async function playReviewAndSample(page: Page): Promise<[number, number, number][]> {
  await page.getByTestId('review-speed').selectOption('1');
  await page.evaluate(() => {
    const [a, b] = [...document.querySelectorAll('[data-testid="rep-review"] video')] as HTMLVideoElement[];
    const samples: [number, number, number][] = [];
    (window as unknown as { __samples: typeof samples }).__samples = samples;
    const loop = (now: number) => {
      samples.push([now, a!.currentTime, b!.currentTime]);
      if (samples.length < 900) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await page.getByTestId('review-play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="review-play"]')!.textContent!.includes('Play'), null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __samples: [number, number, number][] }).__samples);
}
