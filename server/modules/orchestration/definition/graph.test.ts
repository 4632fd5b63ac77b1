import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildEdges, findCycle } from './graph.ts';

// Random DAGs: nodes in a random order, edges only from earlier to later nodes.
const dag = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      nodes: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `s${i}`),
        { minLength: n, maxLength: n },
      ),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    }),
  )
  .map(({ nodes, pairs }) => ({
    nodes,
    edges: pairs.filter(([a, b]) => a < b).map(([a, b]) => [nodes[a], nodes[b]] as [string, string]),
  }));

describe('findCycle', () => {
  it('property: a DAG has no cycle', () => {
    fc.assert(fc.property(dag, ({ nodes, edges }) => findCycle(nodes, buildEdges(edges).forward) === null));
  });

  it('property: a back edge creates a cycle, reported as a closed walk over real edges', () => {
    fc.assert(
      fc.property(dag, fc.nat(), ({ nodes, edges }, pick) => {
        fc.pre(edges.length > 0);
        const [a, b] = edges[pick % edges.length] as [string, string];
        const all = [...edges, [b, a] as [string, string]];
        const { forward } = buildEdges(all);
        const cycle = findCycle(nodes, forward);
        expect(cycle).not.toBeNull();
        const c = cycle as string[];
        expect(c[0]).toBe(c[c.length - 1]);
        expect(new Set(c.slice(0, -1)).size).toBe(c.length - 1);
        for (let i = 0; i + 1 < c.length; i++) expect(forward.get(c[i] as string)).toContain(c[i + 1]);
      }),
    );
  });

  it('names a self-loop and survives long chains without recursion', () => {
    expect(findCycle(['a'], buildEdges([['a', 'a']]).forward)).toEqual(['a', 'a']);
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
    const chain = nodes.slice(1).map((x, i) => [nodes[i] as string, x] as [string, string]);
    expect(findCycle(nodes, buildEdges(chain).forward)).toBeNull();
  });

  it('ancestorsOf follows edges transitively', () => {
    const { reversed } = buildEdges([
      ['a', 'b'],
      ['b', 'c'],
      ['x', 'c'],
      ['c', 'd'],
    ]);
    expect([...ancestorsOf('d', reversed)].sort()).toEqual(['a', 'b', 'c', 'x']);
    expect(ancestorsOf('a', reversed).size).toBe(0);
  });
});
