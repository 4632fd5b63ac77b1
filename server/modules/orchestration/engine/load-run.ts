import { and, eq, sql } from 'drizzle-orm';
import type { TTx } from '../../../platform/db/index.ts';
import { runSteps, workflowRuns, workflowVersions } from '../schema.ts';
import type { TStep, TWorkflowDefinition } from '../types.ts';

export type TRunRow = typeof workflowRuns.$inferSelect;
export type TStepRow = typeof runSteps.$inferSelect;

export interface TLoadedRun {
  run: TRunRow;
  steps: TStepRow[];
  definition: TWorkflowDefinition;
}

/**
 * The run (row-locked when `lock`, so advances and decisions of one run are serialised), its step rows and
 * the definition of the version it started with. Null when the run does not exist in this tenant.
 */
export async function loadRun(
  tx: TTx,
  runId: string,
  opts: { lock?: boolean } = {},
): Promise<TLoadedRun | null> {
  const q = tx.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
  const [run] = opts.lock ? await q.for('update') : await q;
  if (!run) return null;
  const steps = await loadSteps(tx, runId);
  const [version] = await tx
    .select({ definition: workflowVersions.definition })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, run.workflowId), eq(workflowVersions.version, run.version)));
  if (!version) throw new Error(`Run ${runId}: version ${run.version} of its workflow is missing`);
  return { run, steps, definition: version.definition as unknown as TWorkflowDefinition };
}

/** The run's step rows (top-level steps and map items), ordered by checkpoint id. */
export function loadSteps(tx: TTx, runId: string): Promise<TStepRow[]> {
  return tx.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(runSteps.stepId);
}

const MAP_CHILD = /^(.+)\[(\d+)\]$/;

/** A map item's checkpoint id `<map>[i]` split into the map step's id and the index. */
export function parseChildId(stepId: string): { mapId: string; index: number } | null {
  const m = MAP_CHILD.exec(stepId);
  return m?.[1] && m[2] !== undefined ? { mapId: m[1], index: Number(m[2]) } : null;
}

/** The definition of a checkpoint id: a top-level step, or a map's inner step under the item's id. */
export function stepDefinition(def: TWorkflowDefinition, stepId: string): TStep | null {
  const child = parseChildId(stepId);
  if (!child) return def.steps.find((s) => s.id === stepId) ?? null;
  const map = def.steps.find((s) => s.id === child.mapId);
  if (map?.type !== 'map') return null;
  return { ...map.step, id: stepId } as TStep;
}

/** Bumps updated_at: the lease of a running step, renewed by the worker executing it. */
export const touch = () => sql`now()`;
