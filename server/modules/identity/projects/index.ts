// The public face of identity/projects: operations, events and routes.
export { addProjectMember } from './add-project-member.ts';
export { changeProjectMemberRole } from './change-project-member-role.ts';
export { createProject } from './create-project.ts';
export { deleteProject } from './delete-project.ts';
export { getProject } from './get-project.ts';
export { listProjectMembers } from './list-project-members.ts';
export { listProjects } from './list-projects.ts';
export {
  ProjectCreated,
  ProjectDeleted,
  ProjectMemberAdded,
  ProjectMemberRemoved,
  ProjectMemberRoleChanged,
  ProjectUpdated,
} from './project-events.ts';
export type { TProject, TProjectMember, TProjectType } from './project-schemas.ts';
export { MAX_CONFIG_BYTES, PROJECT_TYPES } from './project-schemas.ts';
export { removeProjectMember } from './remove-project-member.ts';
export { projectRoutes, type TProjectRouteDeps } from './routes/index.ts';
