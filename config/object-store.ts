/**
 * OBJECT_STORE_URL: where evidence files go instead of PostgreSQL. The form is
 * `s3://BUCKET[/PREFIX]?endpoint=http://HOST:PORT&region=REGION` — endpoint for MinIO or any other
 * S3-compatible server (path-style addressing), left out for AWS S3 itself; region defaults to
 * us-east-1. Keys come from OBJECT_STORE_ACCESS_KEY / OBJECT_STORE_SECRET_KEY, else from the
 * SDK's usual sources (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, an instance role …).
 */
export interface ObjectStoreSettings {
  bucket: string;
  /** Prepended to each file's id to make its key; ends with '/' unless empty. */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);

/** Parses the URL and the keys; throws an Error whose message says what is wrong. */
export function parseObjectStoreUrl(
  value: string,
  keys: { accessKey?: string; secretKey?: string } = {},
): ObjectStoreSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('must be a URL such as s3://bucket?endpoint=http://127.0.0.1:9000');
  }
  if (url.protocol !== 's3:') throw new Error('must start with s3://');
  const bucket = url.hostname;
  if (!BUCKET.test(bucket)) throw new Error(`"${bucket}" is not a valid bucket name (3–63 of a-z 0-9 . -)`);
  if (url.username || url.password)
    throw new Error('must not carry keys: set OBJECT_STORE_ACCESS_KEY and OBJECT_STORE_SECRET_KEY');
  for (const name of url.searchParams.keys())
    if (!PARAMETERS.has(name))
      throw new Error(`unknown parameter "${name}" (known: ${[...PARAMETERS].join(', ')})`);
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
    throw new Error('endpoint must be http(s)://host:port');
  const pathStyle = url.searchParams.get('forcePathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false')
    throw new Error('forcePathStyle must be true or false');
  if (Boolean(keys.accessKey) !== Boolean(keys.secretKey))
    throw new Error('set both OBJECT_STORE_ACCESS_KEY and OBJECT_STORE_SECRET_KEY, or neither');
  const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  return {
    bucket,
    prefix: path ? `${path}/` : '',
    ...(endpoint ? { endpoint } : {}),
    region: url.searchParams.get('region') || 'us-east-1',
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === 'true',
    ...(keys.accessKey && keys.secretKey
      ? { credentials: { accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey } }
      : {}),
  };
}
