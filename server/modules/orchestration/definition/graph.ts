// The step graph of a definition: an edge a → b means a finishes (or is decided) before b may start.
// dependsOn gives dep → step, a condition's then/else give condition → target, a fallback gives step → fallback.

export type TEdges = ReadonlyMap<string, readonly string[]>;

/** A cycle as the steps on it in order, the first repeated at the end (`a → b → a`), or null for a DAG. */
export function findCycle(nodes: readonly string[], edges: TEdges): string[] | null {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Map<string, number>(nodes.map((n) => [n, WHITE]));
  const stack: string[] = [];
  // Iterative DFS: definitions are small, but a recursion limit must not be an attack surface.
  for (const start of nodes) {
    if (color.get(start) !== WHITE) continue;
    const frames: { node: string; next: number }[] = [{ node: start, next: 0 }];
    color.set(start, GREY);
    stack.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.next >= targets.length) {
        color.set(frame.node, BLACK);
        stack.pop();
        frames.pop();
        continue;
      }
      const target = targets[frame.next++] as string;
      const c = color.get(target);
      if (c === GREY) return [...stack.slice(stack.indexOf(target)), target];
      if (c === WHITE) {
        color.set(target, GREY);
        stack.push(target);
        frames.push({ node: target, next: 0 });
      }
    }
  }
  return null;
}

/** Every node with a path to `node` (its transitive predecessors), given the reversed edges. */
export function ancestorsOf(node: string, reversed: TEdges): Set<string> {
  const seen = new Set<string>();
  const todo = [...(reversed.get(node) ?? [])];
  while (todo.length > 0) {
    const n = todo.pop() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    todo.push(...(reversed.get(n) ?? []));
  }
  return seen;
}

/** Edges a → b as a map, plus the same edges reversed (b → a). */
export function buildEdges(pairs: readonly (readonly [string, string])[]): {
  forward: TEdges;
  reversed: TEdges;
} {
  const forward = new Map<string, string[]>();
  const reversed = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    const out = forward.get(a) ?? [];
    const into = reversed.get(b) ?? [];
    out.push(b);
    into.push(a);
    forward.set(a, out);
    reversed.set(b, into);
  }
  return { forward, reversed };
}
