// Every table of every module and of the platform, gathered at the composition level for drizzle-kit (drizzle.config.ts)
// and for tests that span modules. Modules own their tables in their schema.ts; the platform imports none of them.
export {
  aiBudgetReservations,
  aiBudgets,
  aiBudgetUsage,
  aiGenerations,
  aiModels,
  aiProviders,
  aiRoutes,
} from './modules/ai/schema.ts';
export { usageMetrics } from './modules/analytics/index.ts';
export { collabDocuments, collabUpdates } from './modules/collaboration/schema.ts';
export { contentItems } from './modules/content/index.ts';
export { userAchievements } from './modules/gamification/index.ts';
export {
  accounts,
  apiKeys,
  instanceBootstrap,
  invitations,
  organizationMembers,
  organizations,
  projectMembers,
  projects,
  refreshTokens,
  sessions,
  signingKeys,
  users,
  verifications,
} from './modules/identity/index.ts';
export {
  agents,
  approvals,
  runEvents,
  runSteps,
  workflowRuns,
  workflows,
  workflowTriggers,
  workflowVersions,
} from './modules/orchestration/schema.ts';
export { organizationKeys } from './platform/crypto/schema.ts';
export { domainEvents } from './platform/events/schema.ts';
export { mailOutbox } from './platform/mail/schema.ts';
