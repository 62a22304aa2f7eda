import { randomBytes } from 'node:crypto';

/** Ids in the shapes the API documents. */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export const newClusterId = () => `in01-${hex(8)}`;
export const newBackupId = (n: number) => `backup${n}_${hex(8)}`;
export const newJobId = () => `job-${hex(10)}`;
export const newProjectId = () => `proj-${hex(8)}`;
export const newRequestId = () => `req-${hex(8)}`;

/** API keys are `lbk_<12 hex id>_<43 chars secret>`: the id finds the row, the secret is checked. */
const apiKeyPattern = /^lbk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { apiKeyId: string; apiKey: string; secret: string } {
  const id = hex(6);
  const secret = randomBytes(32).toString('base64url');
  return { apiKeyId: `key-${id}`, apiKey: `lbk_${id}_${secret}`, secret };
}

/** Splits a presented key; `undefined` when it is not of our shape. */
export function parseApiKey(apiKey: string): { apiKeyId: string; secret: string } | undefined {
  const match = apiKeyPattern.exec(apiKey);
  return match ? { apiKeyId: `key-${match[1]}`, secret: match[2] ?? '' } : undefined;
}

/** A password for a new cluster: shown once, never stored. */
export const newPassword = () => randomBytes(18).toString('base64url');
