/**
 * The offline service worker (vite-plugin-pwa → Workbox, generateSW). Everything the app needs
 * with no network is precached at install: the app shell, the workers, onnxruntime-web's .wasm
 * and .mjs files, the default model in public/models and the bundled samples in public/samples.
 *
 * Updates never reload on their own: a new worker waits until the user accepts the prompt
 * (src/io/pwa.ts), after the open session was saved. Responses come from the cache with the
 * headers they were fetched with, so COOP/COEP survive and the page stays cross-origin isolated
 * offline (checked in e2e/offline.spec.ts).
 */
import { VitePWA } from 'vite-plugin-pwa';

/** onnxruntime-web's wasm is ~25 MB and a model several MB; larger files are not precached. */
export const PRECACHE_MAX_FILE_BYTES = 128 * 1024 * 1024;

export function tracewellPwa() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/io/pwa.ts registers it, so the app controls the update prompt
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: false, // already in the glob below; listing them twice is untidy
    manifest: {
      name: 'Tracewell — scanned well logs to LAS',
      short_name: 'Tracewell',
      description: 'Turns scanned raster well logs into digital curves (LAS 2.0, CSV), offline, in the browser.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f6f3ea',
      theme_color: '#1f4e5a',
      icons: [
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
      file_handlers: [{ action: '/', accept: { 'application/x-tracewell-session': ['.tracewell'] } }],
    },
    workbox: {
      // Everything built, whatever its type (pdf.js fonts and colour profiles too), but source
      // maps; the plugin adds the web manifest itself.
      globPatterns: ['**/*'],
      globIgnores: ['**/*.map', 'manifest.webmanifest'],
      maximumFileSizeToCacheInBytes: PRECACHE_MAX_FILE_BYTES,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // First install takes the open page at once (nothing to lose yet); later versions wait.
      clientsClaim: true,
      skipWaiting: false,
      // Built files carry content hashes; Workbox adds its own revision to the rest.
      dontCacheBustURLsMatching: /-[A-Za-z0-9_-]{8}\.(js|mjs|css|wasm)$/,
    },
  });
}
