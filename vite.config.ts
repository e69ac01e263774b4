import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { localAssets } from './scripts/vite-plugin-local-assets';

// COOP/COEP make the page cross-origin isolated, which the tfjs wasm backend needs for
// its threaded build (SharedArrayBuffer). They also block any cross-origin subresource,
// which suits an app that must never load anything from elsewhere.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // localAssets: models/ at /models/ and tfjs wasm binaries at /tfjs-wasm/, in dev and copied into dist/.
  plugins: [react(), localAssets()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
});
