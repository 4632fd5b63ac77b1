export {
  ORGANIZATION_ROLES,
  organizationMembers,
  organizations,
  PROJECT_ROLES,
  projectMembers,
  projects,
  users,
} from './schema.ts';
