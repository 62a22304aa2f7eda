import type { JobHandler } from '../handler.js';
import { backupHandler } from './backup.js';
import { copyHandler } from './copy.js';
import { exportHandler } from './export.js';
import { restoreHandler } from './restore.js';
import { verifyHandler } from './verify.js';

/** One handler per job type. */
export const jobHandlers: readonly JobHandler[] = [backupHandler, copyHandler, verifyHandler, exportHandler, restoreHandler];
