import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary working directory for one test, with a helper to write files into it. */
export interface TempDir {
  readonly path: string;
  /** Writes `content` (a string, or a value written as JSON) to `name` inside the directory. */
  write(name: string, content: unknown): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(prefix = 'lifeboat-cli-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    write: async (name, content) => {
      const file = join(path, name);
      await writeFile(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
