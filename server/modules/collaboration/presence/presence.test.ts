import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { participantsOf } from './awareness-state.ts';
import { participants } from './participants.ts';
import { connectClient, eventually, startPlainCollab, userIdOfTestContext } from './plain-collab.test-kit.ts';
import { presenceExtension } from './presence-extension.ts';
import { colorForUser } from './user-color.ts';

describe('colorForUser', () => {
  it('is the same for the same user and spreads over the palette', () => {
    const id = randomUUID();
    expect(colorForUser(id)).toBe(colorForUser(id));
    expect(colorForUser(id)).toMatch(/^#[0-9a-f]{6}$/);
    const colors = new Set(Array.from({ length: 200 }, () => colorForUser(randomUUID())));
    expect(colors.size).toBeGreaterThan(6);
  });
});

describe('participantsOf', () => {
  it('lists valid states once per user and skips malformed ones', () => {
    const user = { id: 'u1', name: 'Ada', color: '#e6194b' };
    const list = participantsOf([
      [1, { user, cursor: { line: 1, column: 2 } }],
      [2, { user, activeFile: 'src/a.ts' }],
      [3, { user: { id: 5, name: 'x', color: 'y' } }],
      [4, 'garbage'],
      [5, { user: { id: 'u2', name: 'B'.repeat(500), color: '#fff' } }],
    ]);
    expect(list).toEqual([{ userId: 'u1', name: 'Ada', color: '#e6194b', activeFile: 'src/a.ts' }]);
  });
});

describe('presence through awareness (real WebSocket clients, plain Hocuspocus)', () => {
  const projectId = randomUUID();
  const doc = `project:${projectId}`;
  const ada = { userId: randomUUID(), name: 'Ada', projectIds: [projectId] };
  const bob = { userId: randomUUID(), name: 'Bob', projectIds: [projectId] };
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('lists each participant with the authenticated name and colour, cursor and active file', async () => {
    const collab = await startPlainCollab({
      users: { ta: ada, tb: bob },
      extensions: [
        presenceExtension({
          userIdOf: userIdOfTestContext,
          nameOf: async (id) => (id === ada.userId ? 'Ada' : 'Bob'),
        }),
      ],
    });
    cleanups.push(collab.close);
    const a = await connectClient(collab.url, doc, 'ta');
    const b = await connectClient(collab.url, doc, 'tb');
    cleanups.push(a.close, b.close);

    // Bob claims to be Ada: the server stamps his real identity over the claim.
    b.provider.setAwarenessField('user', { id: ada.userId, name: 'Ada', color: '#000000' });
    b.provider.setAwarenessField('activeFile', 'src/index.ts');
    a.provider.setAwarenessField('cursor', { line: 3, column: 7 });

    const list = await eventually(() => {
      const l = participants(collab.hocuspocus, doc);
      return l.length === 2 && l.some((p) => p.activeFile) && l.some((p) => p.cursor) ? l : undefined;
    });
    expect(list).toEqual(
      expect.arrayContaining([
        { userId: ada.userId, name: 'Ada', color: colorForUser(ada.userId), cursor: { line: 3, column: 7 } },
        { userId: bob.userId, name: 'Bob', color: colorForUser(bob.userId), activeFile: 'src/index.ts' },
      ]),
    );
    // What the other client sees is the stamped identity too.
    const seenByAda = await eventually(() => {
      const states = [...a.provider.awareness!.getStates().values()];
      return states.find((s) => s.activeFile === 'src/index.ts');
    });
    expect(seenByAda.user).toEqual({ id: bob.userId, name: 'Bob', color: colorForUser(bob.userId) });

    b.close();
    await eventually(() => (participants(collab.hocuspocus, doc).length === 1 ? true : undefined));
  });

  it('has no participants for a document nobody has open', () => {
    expect(participants({ documents: new Map() } as never, doc)).toEqual([]);
  });
});
