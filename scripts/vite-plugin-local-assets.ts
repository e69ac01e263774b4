/**
 * Serves the app's large binary assets from where they already live, and copies them into the
 * build, so that nothing is ever fetched from another origin:
 *
 *   /models/**        <- models/                                        (BlazePose graph models)
 *   /tfjs-wasm/*.wasm <- node_modules/@tensorflow/tfjs-backend-wasm/dist (tfjs wasm binaries)
 *
 * Why a plugin rather than publicDir: the models sit in models/ with their manifest and NOTICE
 * (not in public/), and the wasm binaries must match the installed tfjs-backend-wasm version
 * exactly, so they are taken from node_modules rather than committed a second time.
 * pose-detection's default model URLs and tfjs-backend-wasm's default wasm path both point at
 * remote hosts (tfhub / jsdelivr); src/pose always passes these local URLs instead.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface LocalAssetMount {
  /** URL prefix with leading and trailing slash, e.g. '/models/'. */
  urlPrefix: string;
  /** Absolute directory the files come from. */
  dir: string;
  /** Which files under dir are served and copied (relative path, '/'-separated). */
  include: (relPath: string) => boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.wasm': 'application/wasm', // needed for WebAssembly.instantiateStreaming
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.sha256': 'text/plain; charset=utf-8',
};

export function defaultLocalAssetMounts(root: string): LocalAssetMount[] {
  return [
    {
      urlPrefix: '/models/',
      dir: path.join(root, 'models'),
      // The model files plus the licence files that must travel with them.
      include: (rel) => /\.(json|bin)$/.test(rel) || /^(NOTICE\.md|LICENSE-[^/]+\.txt|MANIFEST\.sha256)$/.test(rel),
    },
    {
      urlPrefix: '/tfjs-wasm/',
      dir: path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
      include: (rel) => /^[^/]+\.wasm$/.test(rel),
    },
  ];
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? listFiles(abs, rel) : [rel];
  });
}

/** Resolves a request path to a file inside a mount, refusing anything that escapes it. */
export function resolveLocalAsset(mounts: LocalAssetMount[], urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  for (const m of mounts) {
    if (!decoded.startsWith(m.urlPrefix)) continue;
    const rel = decoded.slice(m.urlPrefix.length);
    if (!rel || rel.split('/').some((seg) => seg === '..' || seg === '' || seg === '.')) return null;
    if (!m.include(rel)) return null;
    const abs = path.resolve(m.dir, rel);
    if (!abs.startsWith(path.resolve(m.dir) + path.sep)) return null;
    if (!existsSync(abs) || !statSync(abs).isFile()) return null;
    return abs;
  }
  return null;
}

export function localAssets(options: { root?: string; mounts?: LocalAssetMount[] } = {}): Plugin {
  let mounts: LocalAssetMount[] = options.mounts ?? [];
  return {
    name: 'squat-local-assets',
    configResolved(config) {
      if (!options.mounts) mounts = defaultLocalAssetMounts(options.root ?? config.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const file = resolveLocalAsset(mounts, req.url ?? '');
        if (!file) return next();
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Length', String(statSync(file).size));
        // Same-origin, but say so explicitly: the page is cross-origin isolated (COEP require-corp).
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        res.setHeader('Cache-Control', 'no-cache');
        if (req.method === 'HEAD') return res.end();
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const m of mounts) {
        const files = listFiles(m.dir).filter(m.include);
        if (files.length === 0) this.error(`local-assets: no files found for ${m.urlPrefix} in ${m.dir}`);
        for (const rel of files) {
          this.emitFile({
            type: 'asset',
            fileName: `${m.urlPrefix.slice(1)}${rel}`,
            source: readFileSync(path.join(m.dir, rel)),
          });
        }
      }
    },
  };
}
