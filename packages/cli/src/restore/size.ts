import { ErrorCode, isLifeboatError, type Lifeboat } from '@lifeboat/sdk';

/**
 * The compute units a restore of `clusterId` gets by default: the source cluster's, so the
 * restore (and a drill's measured RTO) matches production; 1 when the source is gone, as it is
 * after the disaster a restore recovers from.
 */
export async function sourceCuSize(client: Lifeboat, clusterId: string, signal?: AbortSignal): Promise<number> {
  try {
    return (await client.clusters.get(clusterId, { signal })).cuSize;
  } catch (error) {
    if (isLifeboatError(error) && error.code === ErrorCode.CLUSTER_NOT_FOUND) return 1;
    throw error;
  }
}
