import type { TStep } from './definition.ts';

export type TPoint = { x: number; y: number };

const COLUMN_WIDTH = 260;
const ROW_HEIGHT = 150;

/**
 * Places steps in rows by dependency depth (a step sits one row below its deepest dependency), so a
 * definition without saved positions still reads top to bottom. Cycles (an invalid graph being edited) are
 * cut where they close instead of recursing forever.
 */
export function autoLayout(steps: readonly TStep[]): Record<string, TPoint> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((d) => byId.has(d));
    const value = deps.length === 0 ? 0 : Math.max(...deps.map(depthOf)) + 1;
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  const rows = new Map<number, string[]>();
  for (const step of steps) {
    const d = depthOf(step.id);
    rows.set(d, [...(rows.get(d) ?? []), step.id]);
  }
  const positions: Record<string, TPoint> = {};
  for (const [row, ids] of rows) {
    ids.forEach((id, column) => {
      positions[id] = { x: (column - (ids.length - 1) / 2) * COLUMN_WIDTH, y: row * ROW_HEIGHT };
    });
  }
  return positions;
}

const storageKey = (workflowId: string) => `ff.workflow-layout.${workflowId}`;

/**
 * Where the user dragged nodes, kept in this browser: the definition schema has no place for positions
 * (unknown keys are refused), and a layout is a view preference rather than part of the workflow.
 */
export function loadPositions(workflowId: string): Record<string, TPoint> {
  try {
    const raw = localStorage.getItem(storageKey(workflowId));
    return raw ? (JSON.parse(raw) as Record<string, TPoint>) : {};
  } catch {
    return {};
  }
}

export function savePositions(workflowId: string, positions: Record<string, TPoint>): void {
  try {
    localStorage.setItem(storageKey(workflowId), JSON.stringify(positions));
  } catch {
    // Storage full or disabled: the layout falls back to the automatic one next time.
  }
}
