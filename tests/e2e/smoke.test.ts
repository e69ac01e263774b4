import { describe, expect, it } from 'vitest';
import { baseUrl, launch, skipReason } from './harness';

const reason = skipReason(false);
if (reason) console.warn(`e2e smoke skipped: ${reason}`);

describe.skipIf(reason !== null)('app shell', () => {
  it('loads with its title and requests nothing off its own origin', async () => {
    const session = await launch();
    try {
      await session.page.goto(baseUrl());
      await expect(session.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Squat Analyzer');
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(reason !== null)('off-origin guard', () => {
  it('notices a request to another origin (so an empty list means something)', async () => {
    // index.html's Content-Security-Policy would stop this request before it is sent (see
    // upload_csp.test.ts); bypass it here so the guard itself is what is tested.
    const session = await launch({ bypassCsp: true });
    try {
      await session.page.goto(baseUrl());
      await session.page.evaluate(() => fetch('http://127.0.0.2:9/probe').catch(() => undefined));
      await session.page.waitForTimeout(200);
      expect(session.offOriginRequests.some((url) => url.startsWith('http://127.0.0.2:9/'))).toBe(true);
    } finally {
      await session.close();
    }
  });

  it("notices a request the service worker makes (the worker's own fetches count too)", async () => {
    const session = await launch({ bypassCsp: true });
    try {
      const { page, context } = session;
      await page.goto(baseUrl());
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      expect(session.offOriginRequests).toEqual([]);
      await worker.evaluate(() => fetch('http://127.0.0.2:9/from-worker').catch(() => undefined));
      await expect.poll(() => session.offOriginRequests.some((url) => url.startsWith('http://127.0.0.2:9/from-worker'))).toBe(true);
    } finally {
      await session.close();
    }
  });
});
