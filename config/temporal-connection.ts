/**
 * The one way every process reaches Temporal: the API's client, the worker's native connection,
 * `duban temporal setup` and the embedded servers of `npm start` all build their connection
 * options here, so TLS (mTLS), an API key and the payload codec hold for each of them alike.
 */
import { readFileSync } from 'node:fs';
import { Connection, type ConnectionOptions, type TLSConfig } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { createPayloadCodec, parseCodecKeys } from './temporal-codec';

/** The settings of config/config.ts that concern Temporal connections (empty: not set). */
export interface TemporalSettings {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TLS_CERT_PATH?: string;
  TEMPORAL_TLS_KEY_PATH?: string;
  TEMPORAL_TLS_CA_PATH?: string;
  TEMPORAL_TLS_SERVER_NAME?: string;
  TEMPORAL_API_KEY?: string;
}

/** The variables of TemporalSettings, as the environment and config/config.ts name them. */
const TEMPORAL_SETTING_NAMES = [
  'TEMPORAL_TLS_CERT_PATH',
  'TEMPORAL_TLS_KEY_PATH',
  'TEMPORAL_TLS_CA_PATH',
  'TEMPORAL_TLS_SERVER_NAME',
  'TEMPORAL_API_KEY',
] as const;

const DEFAULT_TEMPORAL_ADDRESS = '127.0.0.1:7233';

/**
 * The Temporal connection settings of an environment, or of the parsed config of the API and the
 * worker (it carries the same names): the one reading of the TEMPORAL_TLS_* and TEMPORAL_API_KEY
 * variables, so the CLI connects as the processes do. An address given by a command-line option
 * takes the place of TEMPORAL_ADDRESS; an empty value means "not set".
 */
export function temporalSettings(
  source: Readonly<Record<string, unknown>>,
  overrides: { address?: string } = {},
): TemporalSettings {
  const text = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  const settings: TemporalSettings = {
    TEMPORAL_ADDRESS: overrides.address || text('TEMPORAL_ADDRESS') || DEFAULT_TEMPORAL_ADDRESS,
  };
  for (const name of TEMPORAL_SETTING_NAMES) if (text(name)) settings[name] = text(name);
  return settings;
}

/** What the client's and the worker's connections both take. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

export class TemporalSettingError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`invalid setting ${variable}: ${problem}`);
    this.name = 'TemporalSettingError';
  }
}

type ReadFile = (path: string) => Buffer;

/**
 * Connection options from the settings: TLS whenever a certificate, a CA, a server name or an
 * API key is given (an API key over plain text would travel in the clear); a client certificate
 * and key for mTLS. A file that cannot be read is named with its setting.
 */
export function temporalConnectionOptions(
  settings: TemporalSettings,
  readFile: ReadFile = (path) => readFileSync(path),
): TemporalConnectionOptions {
  const cert = settings.TEMPORAL_TLS_CERT_PATH || undefined;
  const key = settings.TEMPORAL_TLS_KEY_PATH || undefined;
  const ca = settings.TEMPORAL_TLS_CA_PATH || undefined;
  const serverName = settings.TEMPORAL_TLS_SERVER_NAME || undefined;
  const apiKey = settings.TEMPORAL_API_KEY || undefined;
  if (Boolean(cert) !== Boolean(key))
    throw new TemporalSettingError(
      cert ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH',
      'a client certificate needs its key: set both TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH',
    );
  const options: TemporalConnectionOptions = { address: settings.TEMPORAL_ADDRESS };
  if (apiKey) options.apiKey = apiKey;
  if (!cert && !ca && !serverName && !apiKey) return options;
  const read = (variable: string, path: string) => {
    try {
      return readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      throw new TemporalSettingError(variable, `cannot read ${path} (${code})`);
    }
  };
  const tls: TLSConfig = {};
  if (cert && key)
    tls.clientCertPair = {
      crt: read('TEMPORAL_TLS_CERT_PATH', cert),
      key: read('TEMPORAL_TLS_KEY_PATH', key),
    };
  if (ca) tls.serverRootCACertificate = read('TEMPORAL_TLS_CA_PATH', ca);
  if (serverName) tls.serverNameOverride = serverName;
  options.tls = tls;
  return options;
}

/** The data converter of every client and worker: the payload codec when TEMPORAL_CODEC_KEYS is set. */
export function temporalDataConverter(settings: { TEMPORAL_CODEC_KEYS?: string }): DataConverter {
  const keys = parseCodecKeys(settings.TEMPORAL_CODEC_KEYS ?? '');
  return keys.length > 0 ? { payloadCodecs: [createPayloadCodec(keys)] } : {};
}

/** A client connection (API, CLI, embedded servers' setup); the worker passes the same options to NativeConnection. */
export function connectTemporalClient(
  settings: TemporalSettings,
  extra: Pick<ConnectionOptions, 'connectTimeout'> = {},
): Promise<Connection> {
  return Connection.connect({ ...temporalConnectionOptions(settings), ...extra });
}
