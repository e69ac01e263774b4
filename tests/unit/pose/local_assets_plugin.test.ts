import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { defaultLocalAssetMounts, localAssets, resolveLocalAsset } from '../../../scripts/vite-plugin-local-assets';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const mounts = defaultLocalAssetMounts(root);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('resolveLocalAsset', () => {
  it('maps model and wasm URLs to files', () => {
    expect(resolveLocalAsset(mounts, '/models/blazepose-lite/model.json')).toBe(
      path.join(root, 'models/blazepose-lite/model.json'),
    );
    expect(resolveLocalAsset(mounts, '/tfjs-wasm/tfjs-backend-wasm-simd.wasm?v=1')).toBe(
      path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'),
    );
  });

  it('refuses paths that escape the mount or are not assets', () => {
    expect(resolveLocalAsset(mounts, '/models/../package.json')).toBeNull();
    expect(resolveLocalAsset(mounts, '/models/%2e%2e/package.json')).toBeNull();
    expect(resolveLocalAsset(mounts, '/tfjs-wasm/tf-backend-wasm.js')).toBeNull();
    expect(resolveLocalAsset(mounts, '/models/blazepose-lite/missing.bin')).toBeNull();
    expect(resolveLocalAsset(mounts, '/src/main.tsx')).toBeNull();
  });
});

describe('build: assets are copied into dist/', () => {
  it('emits every model file and the three wasm binaries, byte for byte', () => {
    const plugin = localAssets({ root });
    const emitted = new Map<string, Uint8Array>();
    const ctx = {
      emitFile: (f: { fileName: string; source: Uint8Array }) => {
        emitted.set(f.fileName, f.source);
        return f.fileName;
      },
      error: (msg: string) => {
        throw new Error(msg);
      },
    };
    (plugin.configResolved as (c: { root: string }) => void)({ root });
    (plugin.generateBundle as unknown as (this: typeof ctx) => void).call(ctx);
    const manifest = readFileSync(path.join(root, 'models/MANIFEST.sha256'), 'utf8').trim().split('\n');
    for (const line of manifest) {
      const [hash, rel] = line.split(/ [ *]/);
      expect(emitted.has(`models/${rel}`), rel).toBe(true);
      expect(sha(emitted.get(`models/${rel}`)!)).toBe(hash);
    }
    expect(emitted.has('models/NOTICE.md')).toBe(true);
    for (const w of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(emitted.has(`tfjs-wasm/${w}`), w).toBe(true);
    }
  });
});

describe('dev server serves the assets', () => {
  let server: ViteDevServer;
  let port = 5301; // this test's port range; the next free port if it is taken
  beforeAll(async () => {
    server = await createServer({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      server: { port, strictPort: false, host: '127.0.0.1', hmr: false },
      logLevel: 'silent',
    });
    await server.listen();
    const addr = server.httpServer?.address();
    if (addr && typeof addr !== 'string') port = addr.port;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves a model file with the right bytes and type', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/models/blazepose-full/blazepose-full.bin`);
    expect(res.status).toBe(200);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(sha(body)).toBe(sha(readFileSync(path.join(root, 'models/blazepose-full/blazepose-full.bin'))));
    const json = await fetch(`http://127.0.0.1:${port}/models/blazepose-lite/model.json`);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('serves wasm as application/wasm (needed for streaming compile)', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  });
});
