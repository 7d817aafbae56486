import { z } from 'zod';
import { parseObjectStoreUrl } from './object-store';
import { parseCodecKeys } from './temporal-codec';
import { trustProxyProblem } from './trust-proxy';

/**
 * Every environment variable the API and the worker read, with its default and meaning.
 * The README's configuration table and docker-compose.yml are checked against this list.
 */
export const CONFIG_VARIABLES = {
  PORT: { default: '3000', description: 'HTTP port of the API and web UI' },
  HOST: { default: '127.0.0.1', description: 'Interface the API listens on (0.0.0.0 in containers)' },
  PUBLIC_URL: { default: 'http://localhost:3000', description: 'Base URL used in links inside e-mails' },
  DATABASE_URL: { default: '(embedded PGlite under ./data/pg)', description: 'PostgreSQL connection URL' },
  DATABASE_OWNER_URL: {
    default: '(DATABASE_URL: the application runs as the owner)',
    description: 'PostgreSQL URL of the role that owns the tables and runs the migrations',
  },
  DATABASE_POOL_SIZE: { default: '10', description: 'Connections in the one pool per process' },
  TEMPORAL_ADDRESS: { default: '127.0.0.1:7233', description: 'Temporal frontend host:port' },
  TEMPORAL_NAMESPACE: { default: 'default', description: 'Temporal namespace of the case workflows' },
  TEMPORAL_TASK_QUEUE: { default: 'duban-cases', description: 'Task queue the worker polls' },
  TEMPORAL_CODEC_KEYS: {
    default: '(none: payloads unencrypted)',
    description:
      'AES-256-GCM keys of the payload codec, id:base64key separated by commas; the first encrypts, all decrypt',
  },
  TEMPORAL_UI_ORIGIN: {
    default: '(none)',
    description: 'Origin of the Temporal UI allowed to call /api/temporal-codec from the browser (CORS)',
  },
  TEMPORAL_TLS_CERT_PATH: { default: '(none)', description: 'Client certificate (PEM) for mTLS to Temporal' },
  TEMPORAL_TLS_KEY_PATH: { default: '(none)', description: 'Private key (PEM) of TEMPORAL_TLS_CERT_PATH' },
  TEMPORAL_TLS_CA_PATH: {
    default: '(system CAs)',
    description: 'CA certificate (PEM) that signed the Temporal server’s certificate',
  },
  TEMPORAL_TLS_SERVER_NAME: {
    default: '(host of TEMPORAL_ADDRESS)',
    description: 'Server name the Temporal server’s certificate is checked against (SNI)',
  },
  TEMPORAL_API_KEY: {
    default: '(none)',
    description: 'API key sent to Temporal as a bearer token (implies TLS)',
  },
  SMTP_URL: {
    default: '(embedded mail catcher)',
    description: 'SMTP server, e.g. smtp://user:pass@host:587',
  },
  MAIL_FROM: { default: '督办系统 <duban@localhost>', description: 'Sender address of every e-mail' },
  AUTH_SECRET: {
    default: '(generated under ./data/ by npm start)',
    description: 'Secret (32+ characters) that signs access tokens',
  },
  DEV_MAILBOX: {
    default: 'false (true under npm start)',
    description: 'Serve the embedded mail catcher’s messages at /api/dev/mail',
  },
  WORKER_MAX_CACHED_WORKFLOWS: { default: '1000', description: 'Case workflows the worker keeps in memory' },
  WORKER_SHUTDOWN_GRACE_SECONDS: {
    default: '120',
    description: 'On SIGTERM, how long running activities may finish (the longest may run 2 minutes)',
  },
  WORKFLOW_BUNDLE_PATH: {
    default: '(dist/workflow-bundle.js if built)',
    description: 'Workflow bundle the worker loads instead of bundling the sources at start',
  },
  LOG_LEVEL: { default: 'info', description: 'pino log level (fatal, error, warn, info, debug, trace)' },
  TRUST_PROXY: {
    default: 'loopback',
    description: 'Which proxies may name the client address (X-Forwarded-For): false, hops, or addresses',
  },
  METRICS_TOKEN: { default: '(none: /metrics is open)', description: 'Bearer token that /metrics requires' },
  AUDIT_SIGNING_KEY_FILE: {
    default: '(npm start: .cache/audit-signing-key.pem)',
    description: 'Ed25519 private key (PEM) the worker signs timeline checkpoints with (duban audit keygen)',
  },
  AUDIT_PUBLIC_KEYS_DIR: {
    default: '(none)',
    description: 'Directory of retired public keys (*.pem) that older checkpoints were signed with',
  },
  AUDIT_CHECKPOINT_FILE: {
    default: '(npm start: data/audit-checkpoints.jsonl)',
    description: 'File the worker also appends each checkpoint to, as JSON lines',
  },
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: {
    default: '300',
    description: 'How often the worker signs the heads of the timelines that grew',
  },
  ANSWER_TIMEOUT_SECONDS: {
    default: '10',
    description: 'How long a request waits on a case workflow before answering 202 or 503',
  },
  STUCK_CASE_SCAN_SECONDS: {
    default: '120',
    description: 'How often the API looks for cases whose workflow task keeps failing (0: never)',
  },
  EVIDENCE_MAX_FILE_MB: { default: '200', description: 'Largest evidence file one upload may store, in MB' },
  EVIDENCE_MAX_CASE_MB: { default: '2048', description: 'Largest total of one case’s evidence files, in MB' },
  OBJECT_STORE_URL: {
    default: '(none: evidence files in PostgreSQL)',
    description:
      'S3-compatible store for evidence files: s3://bucket[/prefix]?endpoint=http://host:port&region=… (bucket made if missing)',
  },
  OBJECT_STORE_ACCESS_KEY: {
    default: '(the AWS SDK’s own: AWS_ACCESS_KEY_ID, a role …)',
    description: 'Access key of OBJECT_STORE_URL',
  },
  OBJECT_STORE_SECRET_KEY: {
    default: '(as OBJECT_STORE_ACCESS_KEY)',
    description: 'Secret key of OBJECT_STORE_URL',
  },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

/** A whole number in [min, max], given as decimal digits (no sign, no fraction). */
const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

/** pg decodes the user name and password of the URL itself: malformed escapes fail there, so fail here. */
function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

const url = (protocols: string[]) =>
  z
    .string()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    )
    .refine((value) => {
      try {
        const parsed = new URL(value);
        return decodes(parsed.username) && decodes(parsed.password);
      } catch {
        return true; // reported by the check above
      }
    }, 'has a malformed %-escape in its user name or password');

const schema = z.object({
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_OWNER_URL: url(['postgres:', 'postgresql:']).default(''),
  DATABASE_POOL_SIZE: integer(1, 200).default(10),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('duban-cases'),
  TEMPORAL_CODEC_KEYS: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseCodecKeys(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .default(''),
  TEMPORAL_UI_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as http://localhost:8080 (no path)')
    .default(''),
  TEMPORAL_TLS_CERT_PATH: z.string().default(''),
  TEMPORAL_TLS_KEY_PATH: z.string().default(''),
  TEMPORAL_TLS_CA_PATH: z.string().default(''),
  TEMPORAL_TLS_SERVER_NAME: z.string().default(''),
  TEMPORAL_API_KEY: z.string().default(''),
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z
    .string()
    .min(3, 'must be an e-mail address, e.g. 督办系统 <duban@example.org>')
    .default('督办系统 <duban@localhost>'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  DEV_MAILBOX: oneOf(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  WORKER_MAX_CACHED_WORKFLOWS: integer(1, 100_000).default(1000),
  WORKER_SHUTDOWN_GRACE_SECONDS: integer(0, 3600).default(120),
  WORKFLOW_BUNDLE_PATH: z.string().default(''),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = trustProxyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('loopback'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').default(''),
  ANSWER_TIMEOUT_SECONDS: integer(1, 120).default(10),
  STUCK_CASE_SCAN_SECONDS: integer(0, 86_400).default(120),
  EVIDENCE_MAX_FILE_MB: integer(1, 100_000).default(200),
  EVIDENCE_MAX_CASE_MB: integer(1, 1_000_000).default(2048),
  OBJECT_STORE_URL: z
    .string()
    .superRefine((value, ctx) => {
      try {
        parseObjectStoreUrl(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .default(''),
  OBJECT_STORE_ACCESS_KEY: z.string().default(''),
  OBJECT_STORE_SECRET_KEY: z.string().default(''),
  AUDIT_SIGNING_KEY_FILE: z.string().default(''),
  AUDIT_PUBLIC_KEYS_DIR: z.string().default(''),
  AUDIT_CHECKPOINT_FILE: z.string().default(''),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: integer(5, 86_400).default(300),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`invalid setting ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start-up; the first bad setting is named in the error. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value (`PORT=` in a compose file or a shell) means "not set": use the default.
  const given = Object.fromEntries(
    Object.keys(CONFIG_VARIABLES)
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const result = schema.safeParse(given);
  if (result.success) {
    const { TEMPORAL_TLS_CERT_PATH: cert, TEMPORAL_TLS_KEY_PATH: key } = result.data;
    const { OBJECT_STORE_ACCESS_KEY: access, OBJECT_STORE_SECRET_KEY: secret } = result.data;
    if (Boolean(access) !== Boolean(secret))
      throw new ConfigError(
        access ? 'OBJECT_STORE_SECRET_KEY' : 'OBJECT_STORE_ACCESS_KEY',
        'an access key needs its secret: set both OBJECT_STORE_ACCESS_KEY and OBJECT_STORE_SECRET_KEY, or neither',
      );
    if (Boolean(cert) !== Boolean(key))
      throw new ConfigError(
        cert ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH',
        'a client certificate needs its key: set both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
      );
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const problem = given[variable] === undefined ? 'is required but not set' : issue.message;
  throw new ConfigError(variable, problem);
}
