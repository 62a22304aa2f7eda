/**
 * `lifeboat keys`: API keys and what they may do. A key's secret is shown once, when it is
 * created; lists never include it.
 */
import { Option, type Command } from 'commander';
import type { CreateApiKeyRequest, Lifeboat } from '@lifeboat/sdk';
import { definedFields } from '../runtime/defined.js';
import { CliError } from '../runtime/cli-error.js';
import { collect, jsonOption, required } from '../runtime/options.js';
import type { Runtime } from '../runtime/runtime.js';

const roles = ['ORG_OWNER', 'PROJECT_ADMIN', 'PROJECT_READ', 'CUSTOM'] as const;
const privileges = ['backup:create', 'backup:delete', 'backup:restore', 'policy:write', 'job:cancel', 'cluster:write', 'data:write', 'data:read'] as const;

export function registerKeys(program: Command, runtime: Runtime): void {
  const keys = program.command('keys').description('Create, list and delete API keys.');

  keys
    .command('create')
    .description('Create an API key and print its secret (shown only this once).')
    .option('--name <name>', 'what the key is for, e.g. ci-nightly')
    .addOption(new Option('--role <role>', 'what it may do: everything (ORG_OWNER), all backup work (PROJECT_ADMIN), read only (PROJECT_READ), or listed privileges (CUSTOM)').choices(roles))
    .option('--project-id <id>', 'a project the key may act in (repeatable; default: --project, or the only project)', collect)
    .option('--privilege <name>', `a privilege of a CUSTOM key (repeatable): ${privileges.join(', ')}`, collect)
    .addOption(jsonOption())
    .action(async (options: { name?: string; role?: CreateApiKeyRequest['role']; projectId?: string[]; privilege?: string[]; json?: boolean }) => {
      const name = required(options.name, { flag: '--name <name>', what: 'key name' });
      const role = required(options.role, { flag: '--role <role>', what: 'role', hint: `One of ${roles.join(', ')}.` });
      const connection = await runtime.connect({ announce: !options.json });
      const projectIds = role === 'ORG_OWNER' ? undefined : (options.projectId ?? [await defaultProject(connection.client, connection.projectId)]);
      const created = await connection.client.apiKeys.create({
        name,
        role,
        ...definedFields({ projectIds, privileges: options.privilege as CreateApiKeyRequest['privileges'] }),
      });
      if (options.json) return runtime.output.json({ ...created, name, role, projectIds: projectIds ?? [] });
      runtime.output.line(`Created key ${created.apiKeyId} (${name}, ${role}${projectIds === undefined ? '' : ` in ${projectIds.join(', ')}`}).`);
      runtime.output.line(`Secret (shown only now; store it safely): ${created.apiKey}`);
      runtime.output.line(`Use it with: LIFEBOAT_API_KEY=<the secret> lifeboat …`);
    });

  keys
    .command('list')
    .description('List API keys (never their secrets).')
    .addOption(jsonOption())
    .action(async (options: { json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      const list = await client.apiKeys.list();
      if (options.json) return runtime.output.json(list);
      runtime.output.table(list, [
        { header: 'KEY', value: (k) => k.apiKeyId },
        { header: 'NAME', value: (k) => k.name },
        { header: 'ROLE', value: (k) => k.role },
        { header: 'PROJECTS', value: (k) => (k.role === 'ORG_OWNER' ? 'all' : k.projectIds.join(',')) },
        { header: 'PRIVILEGES', value: (k) => k.privileges.join(',') },
        { header: 'CREATED', value: (k) => k.createTime },
      ]);
    });

  keys
    .command('delete')
    .description('Delete an API key; calls made with it fail from then on.')
    .argument('<apiKeyId>', 'the key id (the KEY column of lifeboat keys list), not the secret')
    .option('--yes', 'delete without asking')
    .addOption(jsonOption())
    .action(async (apiKeyId: string, options: { yes?: boolean; json?: boolean }) => {
      const { client } = await runtime.connect({ announce: !options.json });
      if (options.yes !== true) {
        const confirmed = await runtime.confirm({ question: `Delete API key ${apiKeyId}?`, detail: "  Scripts using it stop working at once. Only 'yes' will be accepted.", skipFlag: '--yes' });
        if (!confirmed) throw new CliError({ code: 'CANCELED', problem: 'Delete canceled; the key still works', fix: "Answer 'yes' to delete, or pass --yes." });
      }
      const deleted = await client.apiKeys.delete(apiKeyId);
      if (options.json) return runtime.output.json(deleted);
      runtime.output.line(`Deleted API key ${deleted.apiKeyId}.`);
    });
}

/** The project a scoped key gets when none is named: `--project`, or the only one there is. */
async function defaultProject(client: Lifeboat, projectId: string | undefined): Promise<string> {
  if (projectId !== undefined) return projectId;
  const projects = await client.projects.list();
  const [only] = projects;
  if (projects.length === 1 && only !== undefined) return only.projectId;
  throw new CliError({
    code: 'MISSING_OPTION',
    problem: `No project given for the key, and there are ${projects.length} projects to choose from`,
    fix: `Pass --project-id <id> (one of ${projects.map((project) => project.projectId).join(', ')}).`,
  });
}
