import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tracewellPwa } from './scripts/vite-pwa.ts';
import { pdfjsAssets } from './scripts/vite-pdfjs-assets.ts';

// Cross-origin isolation: onnxruntime-web needs SharedArrayBuffer for multi-threaded WASM.
// Without these headers it silently runs single-threaded at about half speed.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), tracewellPwa(), pdfjsAssets()],
  server: { headers: isolationHeaders, port: 5173, strictPort: false },
  preview: { headers: isolationHeaders, port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // second page: the segmentation harness driven by e2e/segment.spec.ts and bench:segment (not linked from the app)
    rollupOptions: { input: { main: 'index.html', segment: 'src/dev/segment.html' } },
  },
});
