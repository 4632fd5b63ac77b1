import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser.ts';

/** Where screenshots go (git-ignored): e2e/artifacts/<name>-1280.png and <name>-375.png. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Screenshots the whole page at 1280 and at 375 px wide, then restores the desktop viewport. */
export async function snap(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${ARTIFACTS_DIR}${safe}-1280.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${ARTIFACTS_DIR}${safe}-375.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** No horizontal scrolling at phone width: the layout fits 375 px. */
export async function fitsPhoneWidth(page: Page): Promise<boolean> {
  await page.setViewportSize(PHONE);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  await page.setViewportSize(DESKTOP);
  return fits;
}
