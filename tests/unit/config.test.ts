import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../config/config';
import { parseObjectStoreUrl } from '../../config/object-store';
import { describeFailure, redactUrl } from '../../config/startup';

const REQUIRED = {
  DATABASE_URL: 'postgres://duban:secret@db.example:5432/duban',
  SMTP_URL: 'smtp://mail.example:1025',
  AUTH_SECRET: 'a-secret-that-is-long-enough-to-sign-tokens',
};

function problemWith(env: Record<string, string | undefined>): { variable: string; problem: string } {
  try {
    loadConfig({ ...REQUIRED, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const { variable, problem } = err as ConfigError;
    return { variable, problem };
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('loadConfig', () => {
  it('when only the required settings are given, then every other setting has its default', () => {
    expect(loadConfig(REQUIRED)).toEqual({
      ...REQUIRED,
      DATABASE_OWNER_URL: '',
      AUDIT_SIGNING_KEY_FILE: '',
      AUDIT_PUBLIC_KEYS_DIR: '',
      AUDIT_CHECKPOINT_FILE: '',
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: 300,
      PORT: 3000,
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:3000',
      DATABASE_POOL_SIZE: 10,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'duban-cases',
      TEMPORAL_CODEC_KEYS: '',
      TEMPORAL_UI_ORIGIN: '',
      TEMPORAL_TLS_CERT_PATH: '',
      TEMPORAL_TLS_KEY_PATH: '',
      TEMPORAL_TLS_CA_PATH: '',
      TEMPORAL_TLS_SERVER_NAME: '',
      TEMPORAL_API_KEY: '',
      MAIL_FROM: '督办系统 <duban@localhost>',
      DEV_MAILBOX: false,
      WORKER_MAX_CACHED_WORKFLOWS: 1000,
      WORKER_SHUTDOWN_GRACE_SECONDS: 120,
      WORKFLOW_BUNDLE_PATH: '',
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'loopback',
      METRICS_TOKEN: '',
      ANSWER_TIMEOUT_SECONDS: 10,
      STUCK_CASE_SCAN_SECONDS: 120,
      EVIDENCE_MAX_FILE_MB: 200,
      EVIDENCE_MAX_CASE_MB: 2048,
      OBJECT_STORE_URL: '',
      OBJECT_STORE_ACCESS_KEY: '',
      OBJECT_STORE_SECRET_KEY: '',
    });
  });

  it.each([
    'false',
    '1',
    'loopback',
    '10.0.0.5',
    '10.0.0.0/8, fd00::/8',
    'loopback,uniquelocal,192.168.1.10/32',
  ])('when TRUST_PROXY=%s, then it is accepted as Express understands it', (value) => {
    expect(loadConfig({ ...REQUIRED, TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
  });

  it('when parsed, then the result has exactly the settings documented in CONFIG_VARIABLES', () => {
    expect(Object.keys(loadConfig(REQUIRED)).sort()).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('when numbers and switches are given as text, then they are coerced', () => {
    const config = loadConfig({
      ...REQUIRED,
      PORT: '8080',
      DATABASE_POOL_SIZE: ' 25 ',
      WORKER_MAX_CACHED_WORKFLOWS: '50',
      DEV_MAILBOX: '1',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_POOL_SIZE: 25,
      WORKER_MAX_CACHED_WORKFLOWS: 50,
      DEV_MAILBOX: true,
    });
    expect(loadConfig({ ...REQUIRED, DEV_MAILBOX: 'false' }).DEV_MAILBOX).toBe(false);
    expect(loadConfig({ ...REQUIRED, PORT: '0' }).PORT).toBe(0);
  });

  it('when a setting is empty, then it counts as not set', () => {
    expect(loadConfig({ ...REQUIRED, PORT: '', LOG_LEVEL: '' })).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
    });
    expect(problemWith({ DATABASE_URL: '' })).toEqual({
      variable: 'DATABASE_URL',
      problem: 'is required but not set',
    });
  });

  it('when a variable the app does not read is set, then it is ignored', () => {
    expect(loadConfig({ ...REQUIRED, PATH: '/usr/bin', DUBAN_DATA_DIR: '/tmp' })).not.toHaveProperty('PATH');
  });

  it.each(['DATABASE_URL', 'SMTP_URL', 'AUTH_SECRET'])(
    'when %s is missing, then it is named as required',
    (name) => {
      expect(problemWith({ [name]: undefined })).toEqual({
        variable: name,
        problem: 'is required but not set',
      });
    },
  );

  it.each([
    ['PORT', 'http', /whole number from 0 to 65535/],
    ['PORT', '70000', /whole number from 0 to 65535/],
    ['PORT', '30.5', /whole number/],
    ['PORT', '-1', /whole number/],
    ['DATABASE_URL', 'not a url', /postgres:\/\/ or postgresql:\/\//],
    ['DATABASE_URL', 'mysql://db.example/duban', /postgres:\/\//],
    ['DATABASE_URL', 'postgres://duban:p%zz@db.example/duban', /malformed %-escape/],
    ['DATABASE_POOL_SIZE', '0', /from 1 to 200/],
    ['DATABASE_POOL_SIZE', 'many', /whole number/],
    ['PUBLIC_URL', 'duban.example', /http:\/\/ or https:\/\//],
    ['TEMPORAL_ADDRESS', 'temporal', /host:port/],
    ['TEMPORAL_ADDRESS', 'temporal:port', /host:port/],
    ['SMTP_URL', 'mail.example:25', /smtp:\/\/ or smtps:\/\//],
    ['MAIL_FROM', 'x', /e-mail address/],
    ['AUTH_SECRET', 'short', /at least 32 characters/],
    ['DEV_MAILBOX', 'yes', /one of: true, false, 1, 0/],
    ['WORKER_MAX_CACHED_WORKFLOWS', '0', /whole number/],
    ['LOG_LEVEL', 'loud', /one of: fatal, error, warn/],
    ['TRUST_PROXY', 'true', /false, a number of proxy hops, or addresses/],
    ['TRUST_PROXY', 'proxy.example', /not "proxy.example"/],
    ['TRUST_PROXY', '10.0.0.0/33', /not "10.0.0.0\/33"/],
    ['TRUST_PROXY', '999', /false, a number of proxy hops/],
    ['METRICS_TOKEN', 'short', /at least 16 characters/],
    ['TEMPORAL_CODEC_KEYS', 'k1:c2hvcnQ=', /entry 1 \(key id k1\) must hold a 32-byte key in base64/],
    ['TEMPORAL_CODEC_KEYS', 'no-colon', /entry 1 must be id:base64key/],
    ['TEMPORAL_UI_ORIGIN', 'http://ui.example/path', /must be an origin/],
    ['OBJECT_STORE_URL', 'http://minio:9000/evidence', /must start with s3:\/\//],
    ['OBJECT_STORE_URL', 's3://Evidence_Bucket', /not a valid bucket name/],
    ['OBJECT_STORE_URL', 's3://key:secret@evidence', /must not carry keys/],
    ['OBJECT_STORE_URL', 's3://evidence?endpoint=minio:9000', /endpoint must be http\(s\):\/\/host:port/],
    ['OBJECT_STORE_URL', 's3://evidence?bucket=x', /unknown parameter "bucket"/],
  ])(
    'when %s=%s, then the error names the variable and says what it expects (%s)',
    (name, value, expected) => {
      const { variable, problem } = problemWith({ [name]: value });
      expect(variable).toBe(name);
      expect(problem).toMatch(expected);
    },
  );

  it.each([
    ['TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_KEY_PATH'],
    ['TEMPORAL_TLS_KEY_PATH', 'TEMPORAL_TLS_CERT_PATH'],
  ])('when %s is set alone, then the error names the missing %s', (given, missing) => {
    expect(problemWith({ [given]: '/etc/duban/client.pem' })).toEqual({
      variable: missing,
      problem:
        'a client certificate needs its key: set both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    });
  });

  it.each([
    ['OBJECT_STORE_ACCESS_KEY', 'OBJECT_STORE_SECRET_KEY'],
    ['OBJECT_STORE_SECRET_KEY', 'OBJECT_STORE_ACCESS_KEY'],
  ])('when %s is set alone, then the error names the missing %s', (given, missing) => {
    expect(problemWith({ [given]: 'duban' }).variable).toBe(missing);
  });

  it('when an object store URL is given, then its bucket, prefix, endpoint and region are read from it', () => {
    const url = 's3://duban-evidence/cases/2026/?endpoint=http://127.0.0.1:9000&region=cn-north-1';
    expect(loadConfig({ ...REQUIRED, OBJECT_STORE_URL: url }).OBJECT_STORE_URL).toBe(url);
    expect(parseObjectStoreUrl(url, { accessKey: 'a', secretKey: 'b' })).toEqual({
      bucket: 'duban-evidence',
      prefix: 'cases/2026/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'cn-north-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    // AWS itself: no endpoint, virtual-hosted addressing, the SDK's own credentials.
    expect(parseObjectStoreUrl('s3://duban-evidence')).toEqual({
      bucket: 'duban-evidence',
      prefix: '',
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it('when codec keys are given, then they are accepted as written', () => {
    const keys = `2026b:${Buffer.alloc(32, 7).toString('base64')},2026a:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig({ ...REQUIRED, TEMPORAL_CODEC_KEYS: keys }).TEMPORAL_CODEC_KEYS).toBe(keys);
  });

  it('when a codec key is wrong, then the message does not repeat the key', () => {
    const key = Buffer.alloc(31, 9).toString('base64');
    expect(problemWith({ TEMPORAL_CODEC_KEYS: `k1:${key}` }).problem).not.toContain(key);
  });

  it('when a URL setting is wrong, then the message does not repeat its value (it may hold a password)', () => {
    const { problem } = problemWith({ DATABASE_URL: 'mysql://duban:hunter2@db.example/duban' });
    expect(problem).not.toContain('hunter2');
  });

  it('when it fails, then the message is one line naming the variable', () => {
    const err = (() => {
      try {
        return loadConfig({ ...REQUIRED, PORT: 'x' });
      } catch (e) {
        return e as Error;
      }
    })() as Error;
    expect(err.message).toBe('invalid setting PORT: must be a whole number from 0 to 65535');
  });
});

describe('start-up messages', () => {
  it('when a URL holds a password, then it is redacted', () => {
    expect(redactUrl('postgres://duban:hunter2@db.example/duban')).toBe(
      'postgres://duban:***@db.example/duban',
    );
    expect(redactUrl('::')).toBe('(unparsable)');
  });

  it.each([
    [
      'a refused connection reported by Temporal’s native client',
      new Error(
        'tonic::transport::Error(Transport, ConnectError(ConnectError("tcp connect error", 127.0.0.1:1, Os { code: 111, kind: ConnectionRefused, message: "Connection refused" })))',
      ),
      'connection refused',
    ],
    [
      'an unknown host reported by Temporal’s native client',
      new Error(
        'tonic::transport::Error(Transport, ConnectError(ConnectError("dns error", Custom { kind: Uncategorized, error: "failed to lookup address information" })))',
      ),
      'host name not found',
    ],
    ['an error with a code only', Object.assign(new Error(''), { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    ['a multi-line message', new Error('first line\n    at stack'), 'first line'],
    ['a thrown string', 'boom', 'boom'],
  ])('when the failure is %s, then it is described in a few words', (_what, err, expected) => {
    expect(describeFailure(err)).toBe(expected);
  });
});
