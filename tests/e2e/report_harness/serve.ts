/**
 * Starts a vite dev server for the report harness page on a port in 5400-5449 (a range no
 * other test server uses), with ../shared/fixtures served read-only at /__fixtures/ for the tests.
 */
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const harnessPath = '/tests/e2e/report_harness/index.html';

function sharedFixturesRoute(root: string): Plugin {
  return {
    name: 'report-harness-shared-fixtures',
    configureServer(server) {
      server.middlewares.use('/__fixtures/', (req, res, next) => {
        const relative = decodeURIComponent((req.url ?? '/').split('?')[0]!);
        const file = path.resolve(root, `.${relative}`);
        if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        const size = statSync(file).size;
        const type = file.endsWith('.mp4') ? 'video/mp4' : 'application/octet-stream';
        // Range support: <video> seeks with range requests.
        const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
        if (range) {
          const start = range[1] ? Number(range[1]) : 0;
          const end = range[2] ? Number(range[2]) : size - 1;
          res.writeHead(206, { 'Content-Type': type, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Accept-Ranges': 'bytes', 'Content-Length': end - start + 1, 'Cross-Origin-Resource-Policy': 'same-origin' });
          createReadStream(file, { start, end }).pipe(res);
          return;
        }
        res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes', 'Cross-Origin-Resource-Policy': 'same-origin' });
        createReadStream(file).pipe(res);
      });
    },
  };
}

export async function startHarness(repoRoot: string, sharedFixtures: string, port = 5400): Promise<{ server: ViteDevServer; url: string }> {
  let lastError: unknown;
  for (let p = port; p < 5450; p++) {
    try {
      const server = await createServer({
        root: repoRoot,
        configFile: path.join(repoRoot, 'vite.config.ts'),
        logLevel: 'warn',
        plugins: [sharedFixturesRoute(sharedFixtures)],
        server: { host: '127.0.0.1', port: p, strictPort: true, hmr: false },
      });
      await server.listen();
      return { server, url: `http://127.0.0.1:${p}${harnessPath}` };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
