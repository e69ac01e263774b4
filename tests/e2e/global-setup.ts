/**
 * Builds the app once into a private temporary folder and serves it with `vite preview`
 * (COOP/COEP headers included) on a free loopback port. Each e2e run gets its own build,
 * so several runs on one machine do not overwrite each other's dist/.
 */
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const repoRoot = path.resolve(import.meta.dirname, '../..');

let server: PreviewServer | undefined;
let outDir: string | undefined;

export default async function setup(project: TestProject) {
  outDir = mkdtempSync(path.join(tmpdir(), 'squat-e2e-dist-'));
  await build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await new Promise<void>((resolve) => server!.httpServer.close(() => resolve()));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
