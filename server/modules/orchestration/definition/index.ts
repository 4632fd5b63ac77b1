// Workflow definitions: schemas, validation, the step graph and the template engine (SPEC §5).
export { ancestorsOf, buildEdges, findCycle } from './graph.ts';
export { STEP_SCHEMAS, STEP_TYPES, ZStepSchema, ZWorkflowDefinitionSchema } from './schemas.ts';
export { renderTemplate, TemplateError, templatePaths, tryRenderTemplate } from './template.ts';
export {
  type TDefinitionError,
  type TDefinitionResolvers,
  type TDefinitionValidation,
  validateDefinition,
} from './validate-definition.ts';
