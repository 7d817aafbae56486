/**
 * The evidence storage a process uses, from its settings: PostgreSQL (the default) or the object
 * store of OBJECT_STORE_URL, whose bucket is made at start when it is missing.
 */
import { s3EvidenceStorage, type S3EvidenceStorage } from '../store/evidence-s3';
import type { Config } from './config';
import { parseObjectStoreUrl } from './object-store';
import { startupStep } from './startup';

type ObjectStoreConfig = Pick<
  Config,
  'OBJECT_STORE_URL' | 'OBJECT_STORE_ACCESS_KEY' | 'OBJECT_STORE_SECRET_KEY'
>;

/** The object store of the settings; undefined without OBJECT_STORE_URL (evidence stays in PostgreSQL). */
export function evidenceStorageOf(config: ObjectStoreConfig): S3EvidenceStorage | undefined {
  if (!config.OBJECT_STORE_URL) return undefined;
  return s3EvidenceStorage(
    parseObjectStoreUrl(config.OBJECT_STORE_URL, {
      accessKey: config.OBJECT_STORE_ACCESS_KEY,
      secretKey: config.OBJECT_STORE_SECRET_KEY,
    }),
  );
}

/** At start: the store answers and its bucket exists (made when missing), or the process stops naming the setting. */
export async function startEvidenceStorage(
  config: ObjectStoreConfig,
): Promise<S3EvidenceStorage | undefined> {
  const storage = evidenceStorageOf(config);
  if (!storage) return undefined;
  // Named without the URL's query: the endpoint on its own, and no key is ever in the URL.
  const where = `OBJECT_STORE_URL=s3://${storage.bucket}/${storage.keyOf('')}${storage.endpoint ? ` at ${storage.endpoint}` : ''}`;
  await startupStep(`cannot reach or create the bucket of ${where}`, () => storage.ensureBucket());
  return storage;
}
