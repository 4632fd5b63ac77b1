export { AGENT_TYPES, type TAgentType } from './agents.ts';
export type {
  TRunEvent,
  TRunEventData,
  TRunEventType,
  TRunEventWithoutData,
} from './run-events.ts';
export {
  RUN_STATUSES,
  STEP_STATUSES,
  TERMINAL_RUN,
  TERMINAL_STEP,
  TRIGGER_KINDS,
  type TRunStatus,
  type TStepStatus,
  type TTriggerKind,
} from './statuses.ts';
export type * from './workflow-definition.ts';
