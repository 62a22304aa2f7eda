import { z } from 'zod';

/** A region: a named blob store that holds backups (on a local server, a directory). */
export const regionSchema = z.object({
  regionId: z.string(),
  cloudProvider: z.string(),
  description: z.string(),
});
export type Region = z.infer<typeof regionSchema>;

export const listRegionsResponseSchema = z.array(regionSchema);
