// The dependency rules between the parts of the repository, as one pure function so they are tested apart
// from the file walk. Paths are repository-relative with forward slashes.

const MODULE = /^server\/modules\/([^/]+)\//;

/** Whether a file is a test (tests may reach into what they test; kits may not). */
export function isTest(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

/**
 * Why `from` may not import `to`, or null when it may.
 * - A module reaches another module only through `server/modules/<m>/index.ts` (its front door).
 * - The platform imports no module and nothing of the composition (`server/*.ts` but env.ts, `server/testing/`).
 * - The web app imports no server file; contracts import neither server nor web.
 */
export function boundaryViolation(from: string, to: string): string | null {
  const fromModule = MODULE.exec(from)?.[1];
  const toModule = MODULE.exec(to)?.[1];
  if (fromModule && toModule && fromModule !== toModule && to !== `server/modules/${toModule}/index.ts`) {
    return `module ${fromModule} reaches into ${to}: import server/modules/${toModule}/index.ts instead`;
  }
  // env.ts is the settings schema the platform is configured by; it may import only contracts/ itself.
  const platformMayImport = (t: string) => t.startsWith('server/platform/') || t === 'server/env.ts';
  if (from.startsWith('server/platform/') && to.startsWith('server/') && !platformMayImport(to)) {
    return `the platform imports ${to}: the platform may import only itself, server/env.ts and contracts/`;
  }
  if (from === 'server/env.ts' && to.startsWith('server/')) {
    return `server/env.ts imports ${to}: the settings schema may import only contracts/`;
  }
  if (from.startsWith('web/src/') && to.startsWith('server/')) {
    return `the web app imports ${to}: shapes both sides need belong in contracts/`;
  }
  if (from.startsWith('contracts/') && (to.startsWith('server/') || to.startsWith('web/'))) {
    return `contracts/ imports ${to}: contracts depend on nothing of the server or the web`;
  }
  return null;
}
