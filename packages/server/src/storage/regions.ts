import type { Region } from '@lifeboat/api';
import { isAbsolute, join, resolve } from 'node:path';
import { FsBlobStore } from './fs-blob-store.js';
import { assertRegionId } from './keys.js';

/** One region of the server configuration. */
export interface RegionConfig {
  readonly regionId: string;
  /**
   * Shown by GET /v2/regions.
   * @default "Local region <regionId>: a directory on the server"
   */
  readonly description?: string | undefined;
  /**
   * The region's directory; a relative path is taken from `dataDir`.
   * @default "<dataDir>/regions/<regionId>"
   */
  readonly root?: string | undefined;
}

export interface OpenRegionsOptions {
  /** The server's data directory. */
  readonly dataDir: string;
  /**
   * The regions, in the order GET /v2/regions lists them.
   * @default defaultRegions: local-1, local-2, local-3
   */
  readonly regions?: readonly RegionConfig[] | undefined;
}

/** Three regions, so cross-region copy and restore-in-another-region work out of the box. */
export const defaultRegions: readonly RegionConfig[] = [
  { regionId: 'local-1' },
  { regionId: 'local-2' },
  { regionId: 'local-3' },
];

export interface OpenedRegions {
  /** Each region's blob store, by regionId. */
  readonly stores: ReadonlyMap<string, FsBlobStore>;
  /** What GET /v2/regions answers, in configuration order. */
  readonly regions: readonly Region[];
}

/**
 * Opens every configured region (creating its directories) and describes them for the API.
 * Refuses a configuration where two regions share an id or a directory: two "regions" in one
 * directory would make a cross-region copy a silent no-op, and a restore from the "other" region
 * no protection at all.
 */
export async function openRegions(options: OpenRegionsOptions): Promise<OpenedRegions> {
  const dataDir = resolve(options.dataDir);
  const configs = options.regions ?? defaultRegions;
  if (configs.length === 0) {
    throw new TypeError('No regions configured: list at least one region, or omit `regions` for local-1, local-2 and local-3.');
  }
  const stores = new Map<string, FsBlobStore>();
  const regions: Region[] = [];
  const regionByRoot = new Map<string, string>();
  for (const config of configs) {
    assertRegionId(config.regionId);
    if (stores.has(config.regionId)) {
      throw new TypeError(`Region ${config.regionId} is configured twice; give each region its own regionId.`);
    }
    const root = config.root === undefined
      ? join(dataDir, 'regions', config.regionId)
      : isAbsolute(config.root) ? config.root : resolve(dataDir, config.root);
    const sharing = regionByRoot.get(resolve(root));
    if (sharing !== undefined) {
      throw new TypeError(`Regions ${sharing} and ${config.regionId} share the directory ${root}; give each region its own directory.`);
    }
    regionByRoot.set(resolve(root), config.regionId);
    stores.set(config.regionId, new FsBlobStore({ regionId: config.regionId, root }));
    regions.push({
      regionId: config.regionId,
      cloudProvider: 'local',
      // The default says where in words, not the path: GET /v2/regions should not reveal the server's file layout.
      description: config.description ?? `Local region ${config.regionId}: a directory on the server`,
    });
  }
  await Promise.all([...stores.values()].map((store) => store.init()));
  return { stores, regions };
}
