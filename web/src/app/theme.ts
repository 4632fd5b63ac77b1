import { useCallback, useSyncExternalStore } from 'react';

export type TTheme = 'light' | 'dark';

const STORAGE_KEY = 'ff.theme';
const listeners = new Set<() => void>();

function storedTheme(): TTheme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked (privacy mode): follow the system
  }
}

/** The theme in force: the user's saved choice, else the operating system's preference. */
export function currentTheme(): TTheme {
  return storedTheme() ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/**
 * Puts the theme on <html data-theme> before React renders, so the first paint has the right colours.
 * Called from main.tsx (the CSP forbids an inline script in index.html).
 */
export function applyTheme(theme: TTheme = currentTheme()): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** Saves and applies a theme; every useTheme() re-renders. */
export function setTheme(theme: TTheme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not persisted, still applied for this visit.
  }
  applyTheme(theme);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const onSystemChange = () => {
    if (storedTheme()) return;
    applyTheme();
    listener();
  };
  media.addEventListener('change', onSystemChange);
  return () => {
    listeners.delete(listener);
    media.removeEventListener('change', onSystemChange);
  };
}

/** The current theme and a toggle between light and dark. */
export function useTheme(): { theme: TTheme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, currentTheme);
  const toggle = useCallback(() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'), []);
  return { theme, toggle };
}
