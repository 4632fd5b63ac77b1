import { describe, expect, it } from 'vitest';
import { boundaryViolation, isTest } from './boundary-rules.ts';

describe('module boundaries', () => {
  it('lets a module import another only through its index.ts', () => {
    expect(boundaryViolation('server/modules/ai/x/a.ts', 'server/modules/identity/index.ts')).toBeNull();
    expect(boundaryViolation('server/modules/ai/x/a.ts', 'server/modules/identity/actor.ts')).toMatch(
      /reaches into server\/modules\/identity\/actor.ts/,
    );
    expect(
      boundaryViolation('server/modules/ai/x/a.ts', 'server/modules/identity/permissions/index.ts'),
    ).not.toBeNull();
    expect(boundaryViolation('server/modules/ai/x/a.ts', 'server/modules/ai/y/b.ts')).toBeNull();
  });

  it('keeps the platform free of modules and of the composition', () => {
    expect(boundaryViolation('server/platform/db/a.ts', 'server/modules/ai/schema.ts')).not.toBeNull();
    expect(boundaryViolation('server/platform/testing/a.ts', 'server/main.ts')).not.toBeNull();
    expect(boundaryViolation('server/platform/db/a.ts', 'server/platform/http/index.ts')).toBeNull();
    expect(boundaryViolation('server/platform/db/a.ts', 'contracts/plans.ts')).toBeNull();
    expect(boundaryViolation('server/platform/platform.ts', 'server/env.ts')).toBeNull();
    expect(boundaryViolation('server/env.ts', 'server/modules/identity/index.ts')).not.toBeNull();
  });

  it('keeps the web app and contracts off the server', () => {
    expect(boundaryViolation('web/src/app/a.tsx', 'server/modules/identity/index.ts')).not.toBeNull();
    expect(boundaryViolation('web/src/app/a.tsx', 'contracts/permissions.ts')).toBeNull();
    expect(boundaryViolation('contracts/a.ts', 'server/env.ts')).not.toBeNull();
  });

  it('exempts tests but not kits', () => {
    expect(isTest('server/modules/ai/a.test.ts')).toBe(true);
    expect(isTest('server/modules/ai/a.test-kit.ts')).toBe(false);
  });
});
