/**
 * Builds bench/pose_bench.html with the app's own vite config (so models and wasm are served the
 * way the app serves them), serves it with `vite preview` (COOP/COEP headers), and opens it in
 * Debian's headless Chromium. Used by bench/run.ts and tests/e2e/pose_worker.test.ts.
 * Frames reach the page as /__bench/frame/<i>, answered from memory by Playwright's router.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserBenchRequest, BrowserBenchResult, ParallelBenchRequest, ParallelBenchResult } from './pose_bench_page';
import { CHROMIUM_ARGS } from '../scripts/chromium_args';

export { CHROMIUM_ARGS };

export interface PoseBenchPage {
  run(req: BrowserBenchRequest): Promise<BrowserBenchResult>;
  /** The bare model loop in several Web Workers at once (pose_bench_page.ts runParallel). */
  runParallel(req: ParallelBenchRequest): Promise<ParallelBenchResult>;
  /** Every request that left the page's origin (should stay empty). */
  offOrigin: string[];
  pageErrors: string[];
  version: string;
  origin: string;
  close(): Promise<void>;
}

export async function openPoseBenchPage(options: {
  repoRoot: string;
  chromiumPath: string;
  /** Preferred port; a free one is taken if it is busy. */
  port: number;
  /** All frames, RGBA, back to back. */
  frames: Uint8Array;
  /** Bytes per frame (width x height x 4). */
  frameBytes: number;
}): Promise<PoseBenchPage> {
  const { build, preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const { repoRoot } = options;
  const configFile = path.join(repoRoot, 'vite.config.ts');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'squat-pose-bench-dist-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(outDir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    await build({
      root: repoRoot,
      configFile,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rollupOptions: { input: { pose_bench: path.join(repoRoot, 'bench/pose_bench.html') } } },
    });
    const server = await preview({
      root: repoRoot,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: options.port, strictPort: false },
    });
    cleanups.push(() => new Promise<void>((resolve) => server.httpServer.close(() => resolve())));
    const addr = server.httpServer.address();
    const port = addr && typeof addr !== 'string' ? addr.port : options.port;
    const origin = `http://127.0.0.1:${port}`;
    const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS, headless: true });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    const offOrigin: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')) offOrigin.push(u);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('crash', () => pageErrors.push('page crashed (renderer process died)'));
    browser.on('disconnected', () => pageErrors.push('browser disconnected (Chromium exited or was killed)'));
    // One frame per request: a single body of a few hundred MB over the DevTools protocol kills
    // the browser connection.
    const frameBytes = options.frameBytes;
    await page.route('**/__bench/frame/*', (route) => {
      const i = Number(new URL(route.request().url()).pathname.split('/').pop());
      const start = i * frameBytes;
      if (!Number.isInteger(i) || start + frameBytes > options.frames.byteLength) return route.fulfill({ status: 404 });
      return route.fulfill({
        body: Buffer.from(options.frames.buffer, options.frames.byteOffset + start, frameBytes),
        contentType: 'application/octet-stream',
        headers: { 'Cross-Origin-Resource-Policy': 'same-origin' },
      });
    });
    await page.goto(`${origin}/bench/pose_bench.html`);
    await page.waitForFunction(() => window.poseBench?.ready === true, null, { timeout: 120_000 });
    const withPageErrors = async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (e) {
        throw new Error(`${e instanceof Error ? e.message : String(e)}${pageErrors.length ? ` [${pageErrors.join('; ')}]` : ''}`);
      }
    };
    return {
      run: (req) => withPageErrors(() => page.evaluate((r) => window.poseBench.run(r), req)),
      runParallel: (req) => withPageErrors(() => page.evaluate((r) => window.poseBench.runParallel(r), req)),
      offOrigin,
      pageErrors,
      version: browser.version(),
      origin,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
