import type { ResourceSchema } from '@lifeboat/engine';

/**
 * The `provider "lifeboat"` block. The engine reads it as settings rather than as a resource
 * type, so it has no `ResourceSchema` of its own; this one is written to match the arguments the
 * engine accepts (`endpoint`, `api_key`, `project_id`), and a test feeds a synthesized provider
 * block to the engine's validation so the two cannot drift apart.
 */
export const providerSchema: ResourceSchema = {
  description: 'which control plane to talk to, with which key. Every setting is optional, and the environment (LIFEBOAT_ENDPOINT, LIFEBOAT_API_KEY, LIFEBOAT_PROJECT_ID) and the command line take precedence over it.',
  attributes: {
    endpoint: {
      type: 'string',
      optional: true,
      description: 'Base URL of the control plane, such as `http://127.0.0.1:7433`. LIFEBOAT_ENDPOINT (or `--endpoint`) takes precedence; with none of them, the embedded server runs on the `.lifeboat/` data directory.',
    },
    api_key: {
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'API key. LIFEBOAT_API_KEY (or `--api-key`) takes precedence and is the better place for it: a key set here is written into the synthesized JSON.',
    },
    project_id: {
      type: 'string',
      optional: true,
      description: 'The project to work in, for keys that can reach more than one. LIFEBOAT_PROJECT_ID (or `--project`) takes precedence.',
    },
  },
};
