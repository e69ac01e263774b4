/**
 * One browser page on the app for a describe block: launched and opened at the app's URL before
 * the block's tests, closed after them. Call inside the describe callback.
 */
import { afterAll, beforeAll } from 'vitest';
import { baseUrl, launch, type Session } from './harness';

export function openAppForSuite(onOpen: (session: Session) => void): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch();
    await session.page.goto(baseUrl());
    onOpen(session);
  });
  afterAll(async () => {
    await session?.close();
  });
}
