import { describe, expect, it } from 'vitest';
import { safeNext } from './guards.tsx';

describe('safeNext', () => {
  it('keeps a path inside the app, query included', () => {
    expect(safeNext('/invitations/accept?token=abc')).toBe('/invitations/accept?token=abc');
    expect(safeNext('/agents')).toBe('/agents');
  });

  it('refuses anything that could leave the app (open redirect) and falls back to the dashboard', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/path')).toBe('/');
    expect(safeNext('/\\evil.example/path')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });
});
