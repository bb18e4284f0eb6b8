/**
 * Serves pdf.js's run-time data from our own origin (never a CDN; the app must work offline):
 * the wasm decoders (JBIG2, OpenJPEG, ICC colour), the standard fonts (glyph outlines for PDFs that
 * name Helvetica & co. without embedding them) and the ICC profiles. In a build they are emitted
 * under `pdfjs/`; under `vite dev` the same paths are served from node_modules.
 * CMaps (1.7 MB, only needed for CJK text) are left out on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const FOLDERS = ['wasm', 'standard_fonts', 'iccs'];

function pdfjsRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export function pdfjsAssets(): Plugin {
  const root = pdfjsRoot();
  return {
    name: 'tracewell-pdfjs-assets',
    generateBundle() {
      for (const folder of FOLDERS) {
        for (const name of readdirSync(join(root, folder))) {
          if (name.startsWith('LICENSE') || name.endsWith('.js')) continue; // the no-wasm fallback is not needed
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(root, folder, name)) });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/(wasm|standard_fonts|iccs)\/([\w.-]+)$/.exec(req.url?.split('?')[0] ?? '');
        if (!m) return next();
        try {
          const body = readFileSync(join(root, m[1], m[2]));
          res.setHeader('Content-Type', m[2].endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
          res.end(body);
        } catch {
          next();
        }
      });
    },
  };
}
