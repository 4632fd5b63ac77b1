// Step and run outputs are stored as JSON rows and answered whole by GET /runs/{id}: one 20 MB transform result
// made that answer 42 MB and stalled the event loop while it was serialised. Outputs past the operator's limit
// (ORCHESTRATION_MAX_STEP_OUTPUT_BYTES) fail their step, or the run, instead of being stored.

/** The default limit on one step's (or a run's) output, as JSON: 1 MiB. */
export const DEFAULT_MAX_STEP_OUTPUT_BYTES = 1_048_576;

/** Why `output` may not be stored, for the step's error; null when it fits within `maxBytes` as JSON. */
export function oversizedOutput(output: unknown, maxBytes: number, what = 'Step output'): string | null {
  // A string longer than the limit cannot fit whatever its encoding: no need to serialise megabytes to know.
  if (typeof output === 'string' && output.length > maxBytes)
    return tooLarge(what, output.length, maxBytes, 'at least ');
  const bytes = Buffer.byteLength(JSON.stringify(output) ?? 'null');
  return bytes > maxBytes ? tooLarge(what, bytes, maxBytes, '') : null;
}

function tooLarge(what: string, bytes: number, maxBytes: number, atLeast: 'at least ' | ''): string {
  return (
    `${what} is ${atLeast}${formatBytes(bytes)} as JSON, over the ${formatBytes(maxBytes)} limit ` +
    '(ORCHESTRATION_MAX_STEP_OUTPUT_BYTES); return a smaller result, e.g. a summary or only the fields later ' +
    'steps use'
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
