import { describe, expect, it } from 'vitest';
import { parseDocumentName } from './document-name.ts';

const id = '4f0c2b1e-8f7a-4c55-9a53-2d9a3c1b7e10';

describe('parseDocumentName', () => {
  it('reads the four kinds', () => {
    expect(parseDocumentName(`project:${id.toUpperCase()}`)).toEqual({
      kind: 'project',
      refId: id,
      projectId: id,
    });
    expect(parseDocumentName(`content:${id}`)).toEqual({ kind: 'content', refId: id });
    expect(parseDocumentName(`workflow:${id.toUpperCase()}`)).toEqual({ kind: 'workflow', refId: id });
    expect(parseDocumentName(`file:${id}:src/app.ts`)).toEqual({
      kind: 'file',
      refId: `${id}:src/app.ts`,
      projectId: id,
      path: 'src/app.ts',
    });
  });

  it.each([
    '',
    'content',
    'content:not-a-uuid',
    'project:not-a-uuid',
    `project:${id}:extra`,
    `secret:${id}`,
    `file:${id}`,
    `file:${id}:`,
    `file:${id}:/etc/passwd`,
    `file:${id}:a/../../b`,
    `file:${id}:a//b`,
    `file:${id}:a\u0000b`,
    `file:nope:a.ts`,
    `file:${id}:${'a'.repeat(1025)}`,
  ])('refuses %j', (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
