export type { DomainEvent, EventDefinition, EventInput } from './define-event.ts';
export { defineEvent } from './define-event.ts';
export type { EventBus, TEmit, TTransactionOptions } from './event-bus.ts';
export { createEventBus } from './event-bus.ts';
export { listEvents } from './list-events.ts';
export { domainEvents } from './schema.ts';
