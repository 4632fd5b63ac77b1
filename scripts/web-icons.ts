// Renders the web app's PNG icons from its SVGs with sharp (`npm run icons`). The PNGs are committed, so the
// build needs no image tooling; run this again after changing web/public/icon*.svg.
//   icon.svg          → pwa-192.png, pwa-512.png (manifest "any"), apple-touch-icon.png (180), favicon-32.png
//   icon-maskable.svg → pwa-maskable-512.png (full-bleed background, mark inside the 80% safe zone)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

// The SVG sources sit beside the PNGs (icon.svg is also the manifest's scalable icon).
const ICONS_DIR = new URL('../web/public/', import.meta.url);
const PUBLIC_DIR = new URL('../web/public/', import.meta.url);

const OUTPUTS = [
  { source: 'icon.svg', file: 'pwa-192.png', size: 192 },
  { source: 'icon.svg', file: 'pwa-512.png', size: 512 },
  { source: 'icon.svg', file: 'favicon-32.png', size: 32 },
  // iOS draws its own rounded corners and shows transparency as black: use the full-bleed variant.
  { source: 'icon-maskable.svg', file: 'apple-touch-icon.png', size: 180 },
  { source: 'icon-maskable.svg', file: 'pwa-maskable-512.png', size: 512 },
] as const;

export async function renderIcons(): Promise<string[]> {
  const written: string[] = [];
  for (const { source, file, size } of OUTPUTS) {
    const svg = await readFile(new URL(source, ICONS_DIR));
    const target = fileURLToPath(new URL(file, PUBLIC_DIR));
    // density scales the SVG's vector rendering up front so the PNG is sharp, not an upscaled bitmap.
    await sharp(svg, { density: Math.ceil((72 * size) / 512) * 2 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toFile(target);
    written.push(target);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const path of await renderIcons()) console.log(`wrote ${path}`);
}
