import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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

// Installable and offline (issue 13): a web app manifest and a workbox service worker generated at
// build time that precaches the app, the models and the tfjs wasm, so after the first visit the app
// opens, analyses and shows the history with no network. The workbox runtime is bundled into the
// build (workbox-*.js beside sw.js), never loaded from a CDN, and the worker only ever fetches the
// precached same-origin files. Registration is ours (src/ui/pwa/service_worker.ts, with
// workbox-window), not an injected inline script, which the Content-Security-Policy would refuse.
// 'prompt': a new version waits until the user chooses to reload (src/ui/pwa/UpdatePrompt.tsx).
function installableOffline() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    // The icons are in globPatterns already; listing them again would precache them twice.
    includeManifestIcons: false,
    manifest: {
      name: 'Squat Analyzer',
      short_name: 'Squats',
      description: 'Film a set, find what breaks in your squat. Everything runs on this device.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#0f1217',
      theme_color: '#0f1217',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // The app, its workers, the BlazePose graph models (models/**/*.json, *.bin) and the tfjs wasm
      // binaries, all copied into dist/ by localAssets().
      globPatterns: ['**/*.{html,js,css,wasm,json,bin,png,svg}'],
      // The largest file is a model shard of a few MB; the whole precache is about 20 MB.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
      sourcemap: false,
    },
    devOptions: { enabled: false },
  });
}

export default defineConfig(({ command }) => ({
  // Only the build has a service worker to register (src/ui/pwa/service_worker.ts).
  define: { __SERVICE_WORKER__: JSON.stringify(command === 'build') },
  // localAssets: models/ at /models/ and tfjs wasm binaries at /tfjs-wasm/, in dev and copied into dist/.
  plugins: [react(), localAssets(), relaxCspForDevServer(), installableOffline()],
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
}));
