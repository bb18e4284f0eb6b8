/**
 * Draws the app icons: public/icons/icon.svg (a strip of log paper with its grid and one traced
 * curve) and the PNGs the web manifest needs, rendered from the same SVG by Debian's Chromium so
 * every size matches. Run after changing the drawing:  npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CURVE = [
  [200, 80], [232, 112], [190, 144], [290, 176], [250, 208], [330, 240],
  [230, 272], [270, 304], [180, 336], [240, 368], [300, 400], [262, 432],
];

/** The drawing on a 512 × 512 canvas; `maskable` fills the square and keeps to the safe circle. */
function iconSvg(maskable: boolean): string {
  const grid = [160, 208, 256, 304, 352].map((x) => `<line x1="${x}" y1="64" x2="${x}" y2="448"/>`).join('');
  const rows = [112, 176, 240, 304, 368, 432].map((y) => `<line x1="112" y1="${y}" x2="400" y2="${y}"/>`).join('');
  const curve = CURVE.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join(' ');
  // Maskable icons may be cut to a circle of 80 % of the side: shrink the drawing into it.
  const content = maskable ? 'transform="translate(256 256) scale(0.72) translate(-256 -256)"' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<rect width="512" height="512" rx="${maskable ? 0 : 96}" fill="#1f4e5a"/>
<g ${content}>
<rect x="112" y="64" width="288" height="384" rx="16" fill="#f6f3ea"/>
<g stroke="#c9c2ad" stroke-width="4">${grid}</g>
<g stroke="#ddd6c2" stroke-width="3">${rows}</g>
<path d="${curve}" fill="none" stroke="#e07a1f" stroke-width="18" stroke-linejoin="round" stroke-linecap="round"/>
</g>
</svg>
`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [file, maskable, size] of [
  ['icon-192.png', false, 192],
  ['icon-512.png', false, 512],
  ['icon-maskable-512.png', true, 512],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  const svg = iconSvg(maskable).replace('width="512" height="512"', `width="${size}" height="${size}"`);
  await page.setContent(`<body style="margin:0;background:transparent">${svg}</body>`);
  await page.locator('svg').screenshot({ path: `public/icons/${file}`, omitBackground: true });
}
await browser.close();
writeFileSync('public/icons/icon.svg', iconSvg(false));
console.log('wrote public/icons/icon.svg, icon-192.png, icon-512.png, icon-maskable-512.png');
