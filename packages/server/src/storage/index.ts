/** Blob stores: one per region, content-addressed by SHA-256, with manifests written last. */
export type { BlobInfo, BlobStore, TransferOptions } from './blob-store.js';
export { FsBlobStore } from './fs-blob-store.js';
export type { FsBlobStoreOptions } from './fs-blob-store.js';
export { BlobHashMismatchError, BlobNotFoundError, ManifestUnreadableError } from './errors.js';
export type { BlobHashMismatchDetails, BlobNotFoundDetails, ManifestUnreadableDetails } from './errors.js';
export { assertBackupId, assertBlobHash, isBlobHash } from './keys.js';
export { defaultRegions, openRegions } from './regions.js';
export type { OpenedRegions, OpenRegionsOptions, RegionConfig } from './regions.js';
