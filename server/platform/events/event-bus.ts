import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, TTx } from '../db/index.ts';
import { withTenant } from '../db/tenant/index.ts';
import type { PubSub } from '../pubsub/index.ts';
import type { DomainEvent, EventDefinition, EventInput } from './define-event.ts';
import { domainEvents } from './schema.ts';
import { EVENTS_CHANNEL, ZWireEventSchema } from './wire.ts';

type THandler = (event: DomainEvent<never>) => void | Promise<void>;
/** Adds an event to the transaction in progress; it is stored now and delivered once the transaction commits. */
export type TEmit = <T>(def: EventDefinition<T>, input: EventInput<T>) => Promise<DomainEvent<T>>;

/** With organizationId the transaction runs as that tenant (withTenant: role ff_app, row-level security). */
export type TTransactionOptions = { organizationId?: string };

export interface EventBus {
  /**
   * Runs work in one transaction; events it emits are stored with it and delivered only after it commits.
   * With `{ organizationId }` it is `withTenant(db, organizationId, …)` plus this outbox (the one tenancy
   * idiom, with events), and every event must belong to that organization.
   */
  transaction<R>(work: (tx: TTx, emit: TEmit) => Promise<R>, opts?: TTransactionOptions): Promise<R>;
  /** Stores and delivers one event in a transaction of its own. */
  publish<T>(def: EventDefinition<T>, input: EventInput<T>): Promise<DomainEvent<T>>;
  /** Calls handler for every committed event of this type, from this process or (in scale-out) any other. */
  subscribe<T>(def: EventDefinition<T>, handler: (event: DomainEvent<T>) => void | Promise<void>): () => void;
  /** Calls handler for every committed event of any type (audit, webhooks, analytics). */
  subscribeAll(handler: (event: DomainEvent<unknown>) => void | Promise<void>): () => void;
  /** Resolves when every handler started so far has finished; used by graceful shutdown and tests. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The domain event bus: the audit trail in domain_events, delivery after commit, fan-out through PubSub. */
export async function createEventBus(opts: { db: Database; pubsub: PubSub; log: Logger }): Promise<EventBus> {
  const { db, pubsub, log } = opts;
  const byType = new Map<string, Set<THandler>>();
  const all = new Set<THandler>();
  const definitions = new Map<string, EventDefinition<unknown>>();
  const running = new Set<Promise<void>>();

  const deliver = (event: DomainEvent<unknown>) => {
    for (const handler of [...(byType.get(event.type) ?? []), ...all]) {
      const p = (async () => {
        try {
          await handler(event as DomainEvent<never>);
        } catch (err) {
          log.error({ err, eventId: event.id, eventType: event.type }, 'event handler failed');
        }
      })();
      running.add(p);
      void p.finally(() => running.delete(p));
    }
  };

  const dispatch = async (events: DomainEvent<unknown>[]) => {
    for (const event of events) deliver(event);
    if (!pubsub.distributed) return;
    for (const event of events) {
      await pubsub
        .publish(EVENTS_CHANNEL, JSON.stringify({ origin: pubsub.processId, event }))
        .catch((err: Error) =>
          log.error({ err, eventId: event.id }, 'could not fan out event to other processes'),
        );
    }
  };

  const unsubscribe = await pubsub.subscribe(EVENTS_CHANNEL, (raw) => {
    let parsed: ReturnType<typeof ZWireEventSchema.safeParse>;
    try {
      parsed = ZWireEventSchema.safeParse(JSON.parse(raw));
    } catch {
      return log.warn('ignored an event message that is not JSON');
    }
    if (!parsed.success)
      return log.warn({ issues: parsed.error.issues.length }, 'ignored a malformed event message');
    if (parsed.data.origin === pubsub.processId) return;
    const event = parsed.data.event as DomainEvent<unknown>;
    const def = definitions.get(event.type);
    if (def && !def.schema.safeParse(event.payload).success) {
      return log.warn(
        { eventId: event.id, eventType: event.type },
        'ignored an event whose payload fails its schema',
      );
    }
    deliver(event);
  });

  const transaction = async <R>(
    work: (tx: TTx, emit: TEmit) => Promise<R>,
    opts: TTransactionOptions = {},
  ): Promise<R> => {
    const emitted: DomainEvent<unknown>[] = [];
    const tenant = opts.organizationId;
    const body = async (tx: TTx) => {
      const emit: TEmit = async (def, input) => {
        // The row-level security policy would refuse it anyway; this names the mistake instead of a policy error.
        if (tenant !== undefined && input.organizationId?.toLowerCase() !== tenant.toLowerCase()) {
          throw new TypeError(
            `event ${def.type} in a transaction of organization ${tenant} must carry that organizationId`,
          );
        }
        const payload = def.schema.parse(input.payload);
        const event = {
          id: randomUUID(),
          type: def.type,
          aggregateId: input.aggregateId,
          organizationId: input.organizationId ?? null,
          userId: input.userId ?? null,
          payload,
          timestamp: new Date().toISOString(),
        };
        await tx.insert(domainEvents).values({ ...event, occurredAt: new Date(event.timestamp) });
        emitted.push(event);
        return event;
      };
      return work(tx, emit);
    };
    const result = tenant === undefined ? await db.orm.transaction(body) : await withTenant(db, tenant, body);
    await dispatch(emitted);
    return result;
  };

  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };

  return {
    transaction,
    // An organization's event is written as that tenant, an instance-level one (no organization) as the owner.
    publish: (def, input) =>
      transaction((_tx, emit) => emit(def, input), {
        ...(input.organizationId ? { organizationId: input.organizationId } : {}),
      }),
    subscribe(def, handler) {
      definitions.set(def.type, def as EventDefinition<unknown>);
      let set = byType.get(def.type);
      if (!set) {
        set = new Set();
        byType.set(def.type, set);
      }
      set.add(handler as THandler);
      return () => set.delete(handler as THandler);
    },
    subscribeAll(handler) {
      all.add(handler as THandler);
      return () => all.delete(handler as THandler);
    },
    idle,
    async close() {
      await unsubscribe();
      await idle();
    },
  };
}
