import { z } from 'zod';

/** 3–48 characters of a-z, 0-9 and inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/;
export const ZSlugSchema = z
  .string()
  .regex(
    SLUG_PATTERN,
    'Slug: 3–48 characters of a-z, 0-9 and hyphens, starting and ending with a letter or digit',
  );

/** A slug derived from a name ("Ünïcode  Labs!" → "unicode-labs"); undefined when nothing usable remains. */
export function slugify(name: string): string | undefined {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  if (base.length === 0) return undefined;
  // Too short for a slug ("AI" → "ai"): pad rather than refuse a perfectly good name.
  return base.length < 3 ? `${base}-org` : base;
}
