import { z } from 'zod';
import { responseTimestampSchema } from '../primitives.js';

/** A project groups clusters; API keys are scoped to projects. */
export const projectSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  instanceCount: z.number().int().describe('Number of clusters in the project.'),
  createTime: responseTimestampSchema,
  regionIds: z.array(z.string()).describe('Regions the project may use.'),
});
export type Project = z.infer<typeof projectSchema>;

export const listProjectsResponseSchema = z.array(projectSchema);
