export {
  accounts,
  ORGANIZATION_ROLES,
  organizationMembers,
  organizations,
  PROJECT_ROLES,
  projectMembers,
  projects,
  sessions,
  users,
  verifications,
} from './schema.ts';
