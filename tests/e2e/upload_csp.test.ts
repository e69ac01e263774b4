/**
 * The Content-Security-Policy in index.html: nothing off-origin can load even by mistake. A fetch,
 * an image and a script from another origin are refused by the browser before they reach the network,
 * while the app's own scripts, worker, models and wasm still load (the upload tests prove those).
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, launch, skipReason } from './harness';

const reason = skipReason(false);
if (reason) console.warn(`CSP e2e skipped: ${reason}`);

describe.skipIf(reason !== null)('content security policy', () => {
  it('blocks fetch, image and script loads from another origin before they leave the page', async () => {
    const session = await launch();
    try {
      const page = session.page;
      const failures = new Map<string, string>();
      session.context.on('requestfailed', (request) => failures.set(request.url(), request.failure()?.errorText ?? ''));
      await page.goto(baseUrl());
      const result = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const fetched = await fetch('http://127.0.0.2:9/probe').then(
          () => 'loaded',
          () => 'refused',
        );
        const imaged = await new Promise<string>((resolve) => {
          const img = new Image();
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('refused');
          img.src = 'http://127.0.0.2:9/pixel.png';
        });
        const scripted = await new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.onload = () => resolve('loaded');
          script.onerror = () => resolve('refused');
          script.src = 'http://127.0.0.2:9/tracker.js';
          document.head.append(script);
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { fetched, imaged, scripted, violations };
      });
      expect(result).toMatchObject({ fetched: 'refused', imaged: 'refused', scripted: 'refused' });
      expect(result.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem']));
      // Chromium reports element loads it refuses as requests that failed with
      // CSP ("csp", i.e. net::ERR_BLOCKED_BY_CSP; the guard still lists them): none reached the network.
      await expect.poll(() => session.offOriginRequests.every((url) => failures.has(url))).toBe(true);
      for (const url of session.offOriginRequests) expect(failures.get(url)).toMatch(/csp/i);
    } finally {
      await session.close();
    }
  });
});
