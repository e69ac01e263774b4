import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { localAssets } from './scripts/vite-plugin-local-assets';

// COOP/COEP make the page cross-origin isolated, which the tfjs wasm backend needs for
// its threaded build (SharedArrayBuffer). They also block any cross-origin subresource,
// which suits an app that must never load anything from elsewhere.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// index.html's Content-Security-Policy allows scripts from 'self' only. The dev server (never the
// build) injects an inline React Fast Refresh preamble, so there script-src also allows inline.
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  // localAssets: models/ at /models/ and tfjs wasm binaries at /tfjs-wasm/, in dev and copied into dist/.
  plugins: [react(), localAssets(), relaxCspForDevServer()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  // tfjs-backend-wasm's ESM build imports CommonJS files from its wasm-out/ folder, which only work
  // once pre-bundled: excluding it breaks the dev server ("does not provide an export named
  // 'wasmWorkerContents'"). Listing the pose stack up front also avoids a reload on first use.
  // The .wasm binaries themselves are served by localAssets() at /tfjs-wasm/.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-converter',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow-models/pose-detection',
      'comlink',
    ],
  },
});
