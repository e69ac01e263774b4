import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page cross-origin isolated, which the tfjs wasm backend needs for
// its threaded build (SharedArrayBuffer). They also block any cross-origin subresource,
// which suits an app that must never load anything from elsewhere.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  // models/ is served at /models/ and copied into dist/ by the publicDir-like plugin in src/pose (see docs/design.md).
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
