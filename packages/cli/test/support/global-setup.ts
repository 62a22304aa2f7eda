/**
 * Before the CLI's tests: rebuild every workspace package whose `dist/` is older than its
 * sources, so the binary under test is never stale after an edit. In CI the build ran at install
 * and this does nothing.
 */
import { rebuildStalePackages } from './build.js';

export default function setup(): void {
  const rebuilt = rebuildStalePackages();
  if (rebuilt.length > 0) console.log(`cli tests: rebuilt ${rebuilt.join(', ')} (dist was older than src)`);
}
