import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// CONVENTIONS: Debian's chromium, never a downloaded browser. Playwright gives every launch a fresh
// temporary profile (the --user-data-dir of the convention), deleted on close.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A new, isolated browser context (its own cookies, storage and service workers) on the server. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: DESKTOP, locale: 'en-US', colorScheme: 'light' });
}

/**
 * Collects uncaught exceptions, console errors and HTTP answers >= 400 (as `http <status> <METHOD> <path>`),
 * so a test can assert that a flow ran clean or list the failures it expects. Chromium's own "Failed to load
 * resource" console lines are left out: the http entries say the same with the URL.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    errors.push(`http ${response.status()} ${response.request().method()} ${url.pathname}`);
  });
  return errors;
}
