/** Settings of a LocalCluster. All optional; see `defaultLocalClusterOptions`. */
export interface LocalClusterOptions {
  /** Clock (ms since the epoch) for insertion times, TTL and create times. @default Date.now */
  readonly now?: () => number;
  /** A growing segment is sealed once it reaches this many bytes. @default 4 MiB */
  readonly sealThresholdBytes?: number;
}

export interface NormalizedLocalClusterOptions {
  readonly now: () => number;
  readonly sealThresholdBytes: number;
}

export const defaultLocalClusterOptions: NormalizedLocalClusterOptions = {
  now: Date.now,
  sealThresholdBytes: 4 * 1024 * 1024,
};

export function normalizeLocalClusterOptions(options: LocalClusterOptions = {}): NormalizedLocalClusterOptions {
  const normalized = {
    now: options.now ?? defaultLocalClusterOptions.now,
    sealThresholdBytes: options.sealThresholdBytes ?? defaultLocalClusterOptions.sealThresholdBytes,
  };
  if (!Number.isSafeInteger(normalized.sealThresholdBytes) || normalized.sealThresholdBytes < 1) {
    throw new RangeError(`sealThresholdBytes must be a positive whole number of bytes (got ${normalized.sealThresholdBytes})`);
  }
  return normalized;
}
