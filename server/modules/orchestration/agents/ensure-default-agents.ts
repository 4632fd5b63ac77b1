import { and, eq, sql } from 'drizzle-orm';
import { domainEvents, type EventBus } from '../../../platform/events/index.ts';
import { agents } from '../schema.ts';
import { AgentDefaultsSeeded } from './agent-events.ts';
import { DEFAULT_AGENT_MODEL, DEFAULT_AGENTS } from './default-agents.ts';

// Organizations known to be seeded by this process: after the first check, listing agents costs no extra query.
const seeded = new Set<string>();

/**
 * Seeds the six default agents of an organization once, lazily: on its first agents list or read, or when the
 * engine first selects an agent (call this before). Lazy rather than on `organization.created`, so
 * organizations that existed before this module (or were made without the event) get them too. The
 * `agent.defaults_seeded` event is the marker, so defaults that were deleted or renamed stay so; an advisory
 * lock makes concurrent first requests seed once; an existing agent of the same name is kept as is.
 */
export async function ensureDefaultAgents({
  events,
  organizationId,
}: {
  events: EventBus;
  organizationId: string;
}): Promise<void> {
  if (seeded.has(organizationId)) return;
  await events.transaction(
    async (tx, emit) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ff:default-agents:${organizationId}`}))`);
      const [marker] = await tx
        .select({ id: domainEvents.id })
        .from(domainEvents)
        .where(
          and(
            eq(domainEvents.organizationId, organizationId),
            eq(domainEvents.type, AgentDefaultsSeeded.type),
          ),
        )
        .limit(1);
      if (marker) return;
      const rows = await tx
        .insert(agents)
        .values(
          DEFAULT_AGENTS.map((a) => ({ ...a, organizationId, model: DEFAULT_AGENT_MODEL, isDefault: true })),
        )
        .onConflictDoNothing()
        .returning({ id: agents.id });
      await emit(AgentDefaultsSeeded, {
        aggregateId: organizationId,
        organizationId,
        userId: null,
        payload: { agentIds: rows.map((r) => r.id) },
      });
    },
    { organizationId },
  );
  seeded.add(organizationId);
}
