/**
 * Evidence bytes in an S3-compatible object store (MinIO, AWS S3 …), one object per file under a
 * fresh key that is never written again. The upload is a multipart upload fed as the request
 * arrives: memory holds at most a part or two (5 MiB each), whatever the file's size; the
 * download streams the object's body.
 */
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { ObjectStoreSettings } from '../config/object-store';
import { CHUNK_BYTES, type EvidenceStorage, type EvidenceWriter } from './evidence';

export const S3_STORAGE = 's3';
const PART_BYTES = 5 * 1024 * 1024; // S3's smallest multipart part

export interface S3EvidenceStorage extends EvidenceStorage {
  /** Creates the bucket when it does not exist yet (at start-up). */
  ensureBucket(): Promise<void>;
  /** The object's key for a file (tests and operators look at the object itself). */
  keyOf(fileId: string): string;
  readonly client: S3Client;
  readonly bucket: string;
  readonly endpoint: string | undefined;
}

const statusOf = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

export function s3EvidenceStorage(settings: ObjectStoreSettings): S3EvidenceStorage {
  // The SDK warns once, over several lines of stderr, that its releases after January 2027 need
  // Node 22; the locked release runs on the image's Node 20, and start-up errors stay one line.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (fileId: string) => `${settings.prefix}${fileId}`;
  const discard = async (fileId: string) => {
    await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(fileId) }));
  };
  return {
    name: S3_STORAGE,
    client,
    bucket: Bucket,
    endpoint: settings.endpoint,
    keyOf,
    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
        await client.send(new CreateBucketCommand({ Bucket }));
      }
    },
    open: (_tx, fileId) => multipartWriter(client, Bucket, keyOf(fileId), () => discard(fileId)),
    async *read(_db, fileId) {
      let body: Readable;
      try {
        const got = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(fileId) }));
        body = got.Body as Readable;
      } catch (err) {
        // A missing object reads as no bytes: its hash check then reports the file as not intact.
        if (statusOf(err) === 404) return;
        throw err;
      }
      for await (const chunk of body) yield chunk as Buffer;
    },
    discard,
  };
}

function multipartWriter(
  client: S3Client,
  Bucket: string,
  Key: string,
  remove: () => Promise<void>,
): EvidenceWriter {
  const body = new PassThrough({ highWaterMark: CHUNK_BYTES });
  const upload = new Upload({
    client,
    params: { Bucket, Key, Body: body },
    partSize: PART_BYTES,
    queueSize: 1,
    leavePartsOnError: false,
  });
  const done = upload.done();
  // Seen by `write` (a stalled stream) and `finish`; never an unhandled rejection.
  const failed = done.then(
    () => undefined,
    (err: unknown) => err,
  );
  return {
    async write(bytes) {
      if (body.write(bytes)) return;
      const err = await Promise.race([once(body, 'drain').then(() => undefined), failed]);
      if (err) throw err;
    },
    async finish() {
      body.end();
      await done;
    },
    async abort() {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await done.catch(() => undefined);
      // Completed before the refusal (the transaction failed after `finish`): remove the object.
      await remove().catch(() => undefined);
    },
  };
}
