// The workflow templates shipped with FlashFusion (SPEC §5).
import { BLOG_TO_SOCIAL } from './blog-to-social.ts';
import { CONTENT_CAMPAIGN } from './content-campaign.ts';
import { DEV_PIPELINE } from './dev-pipeline.ts';
import { PRODUCT_LAUNCH } from './product-launch.ts';
import type { TWorkflowTemplate } from './template-types.ts';

export type { TWorkflowTemplate } from './template-types.ts';
export const WORKFLOW_TEMPLATES: readonly TWorkflowTemplate[] = [
  BLOG_TO_SOCIAL,
  CONTENT_CAMPAIGN,
  PRODUCT_LAUNCH,
  DEV_PIPELINE,
];
export const findTemplate = (id: string) => WORKFLOW_TEMPLATES.find((t) => t.id === id);
