import type { ResourceSchema } from '@lifeboat/engine';

/**
 * The `provider "lifeboat"` block. The engine reads it as settings rather than as a resource
 * type, so it has no `ResourceSchema` of its own; this one is written to match the arguments the
 * engine accepts (`endpoint`, `api_key`, `project_id`), and a test feeds a synthesized provider
 * block to the engine's validation so the two cannot drift apart.
 */
export const providerSchema: ResourceSchema = {
  description: 'The lifeboat provider: which control plane to talk to, with which key. Every setting is optional; the environment supplies what is left out.',
  attributes: {
    endpoint: {
      type: 'string',
      optional: true,
      description: 'Base URL of the control plane, such as `http://127.0.0.1:7433`. Falls back to the LIFEBOAT_ENDPOINT environment variable; with neither, the embedded server runs on the `.lifeboat/` data directory.',
    },
    api_key: {
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'API key. Falls back to the LIFEBOAT_API_KEY environment variable, which is the better place for it: a key set here is written into the synthesized JSON.',
    },
    project_id: {
      type: 'string',
      optional: true,
      description: 'The project to work in, for keys that can reach more than one.',
    },
  },
};
