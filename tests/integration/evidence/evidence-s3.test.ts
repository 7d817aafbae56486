/**
 * The evidence tests (evidence-suite.ts) with the bytes in an S3-compatible object store: a real
 * moto_server started here, its bucket made by the API's own start-up step from OBJECT_STORE_URL.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { evidenceStorageOf } from '../../../config/evidence-storage';
import { CHUNK_BYTES } from '../../../store/evidence';
import type { S3EvidenceStorage } from '../../../store/evidence-s3';
import { useMotoServer } from '../../helpers/moto';
import { evidenceSuite } from './evidence-suite';

const moto = useMotoServer();
let storage: S3EvidenceStorage;

beforeAll(async () => {
  storage = evidenceStorageOf({
    OBJECT_STORE_URL: `s3://duban-evidence-test/evidence?endpoint=${moto.url}&region=cn-north-1`,
    OBJECT_STORE_ACCESS_KEY: 'duban-test',
    OBJECT_STORE_SECRET_KEY: 'duban-test-secret',
  })!;
  // As api/main.ts does at start: the bucket does not exist yet, and is made; a second start finds it.
  await expect(storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket }))).rejects.toThrow();
  await storage.ensureBucket();
  await storage.ensureBucket();
});

/** Every object key of the bucket. */
async function objectKeys(): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await storage.client.send(
      new ListObjectsV2Command({ Bucket: storage.bucket, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

async function objectBytes(key: string): Promise<Buffer> {
  const got = await storage.client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
  const parts: Buffer[] = [];
  for await (const part of got.Body as Readable) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

evidenceSuite({
  storage: () => storage,
  piecesPerFile: () => 1,
  async stored(world, caseId) {
    const files = await world.system.db.query<{ id: string; case_id: string }>(
      'SELECT id, case_id FROM evidence_files',
    );
    const caseOf = new Map(files.map((f) => [storage.keyOf(f.id), f.case_id]));
    const keys = await objectKeys();
    return {
      pieces: keys.filter((k) => caseOf.get(k) === caseId).length,
      orphans: keys.filter((k) => !caseOf.has(k)).length,
    };
  },
  async tamper(_world, fileId) {
    const key = storage.keyOf(fileId);
    const bytes = await objectBytes(key);
    const at = CHUNK_BYTES + 99;
    bytes[at] = bytes[at]! ^ 0xff;
    await storage.client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: key, Body: bytes }));
    return createHash('sha256').update(bytes).digest('hex');
  },
});
