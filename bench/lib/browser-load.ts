import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export type TChunk = { path: string; bytes: number; gzipBytes: number };

// CONVENTIONS: Debian's chromium with these flags; playwright gives each launch a fresh temporary profile.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Loads `url` in a fresh Chromium context and returns every JavaScript file the page fetched until it
 * showed `readyText` and the network went idle, each with its size and its gzip size (level 9, as a
 * server compressing static files would serve it), so the measure does not depend on the server's own
 * compression.
 */
export async function firstLoadScripts(url: string, readyText: string): Promise<TChunk[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending: Promise<TChunk | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then(
          (body) => ({
            path: new URL(response.url()).pathname,
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
          }),
          () => null,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByText(readyText, { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const chunks = (await Promise.all(pending)).filter((c): c is TChunk => c !== null);
    await context.close();
    return chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  } finally {
    await browser.close();
  }
}
