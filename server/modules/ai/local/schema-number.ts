// Numbers for json-from-schema: the value closest to a preferred one that satisfies minimum/maximum (inclusive,
// draft-04 boolean or draft-06+ numeric exclusive bounds), integer-ness and multipleOf.
import type { TSchema } from './schema-refs.ts';

interface TBounds {
  lo: number;
  hi: number;
  loEx: boolean;
  hiEx: boolean;
}

function boundsOf(schema: TSchema): TBounds {
  const b: TBounds = { lo: -Infinity, hi: Infinity, loEx: false, hiEx: false };
  if (typeof schema.minimum === 'number') [b.lo, b.loEx] = [schema.minimum, schema.exclusiveMinimum === true];
  if (typeof schema.maximum === 'number') [b.hi, b.hiEx] = [schema.maximum, schema.exclusiveMaximum === true];
  if (typeof schema.exclusiveMinimum === 'number' && schema.exclusiveMinimum >= b.lo) {
    [b.lo, b.loEx] = [schema.exclusiveMinimum, true];
  }
  if (typeof schema.exclusiveMaximum === 'number' && schema.exclusiveMaximum <= b.hi) {
    [b.hi, b.hiEx] = [schema.exclusiveMaximum, true];
  }
  return b;
}

export function numberFor(schema: TSchema, integer: boolean, preferred: number): number {
  const b = boundsOf(schema);
  const multiple =
    typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  const ok = (v: number) =>
    Number.isFinite(v) &&
    (b.loEx ? v > b.lo : v >= b.lo) &&
    (b.hiEx ? v < b.hi : v <= b.hi) &&
    (!integer || Number.isInteger(v)) &&
    (multiple === undefined || Number.isInteger(v / multiple));
  const target = Math.min(Math.max(preferred, Number.isFinite(b.lo) ? b.lo : preferred), b.hi);
  const step = multiple ?? (integer ? 1 : undefined);
  if (step !== undefined) {
    // Walk multiples of the step outward from the target until one fits.
    const k0 = Math.round(target / step);
    for (let d = 0; d < 1000; d++) {
      for (const k of [k0 + d, k0 - d]) if (ok(k * step)) return k * step;
    }
    throw new Error('The JSON Schema number constraints cannot be met by the local model.');
  }
  if (ok(target)) return target;
  const mid = Number.isFinite(b.lo) && Number.isFinite(b.hi) ? (b.lo + b.hi) / 2 : undefined;
  for (const v of [mid, b.lo + 1, b.hi - 1, b.lo + 0.5, b.hi - 0.5]) if (v !== undefined && ok(v)) return v;
  throw new Error('The JSON Schema number constraints cannot be met by the local model.');
}
