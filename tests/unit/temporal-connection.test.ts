/**
 * The connection options every process builds for Temporal. The suite's Temporal servers serve
 * plain gRPC only, so TLS is checked here as the options the SDK receives, read from real files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/config';
import {
  temporalConnectionOptions,
  TemporalSettingError,
  temporalSettings,
} from '../../config/temporal-connection';

const dir = mkdtempSync(join(tmpdir(), 'duban-tls-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const CERT = file('client.pem', '-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n');
const KEY = file('client.key', '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n');
const CA = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
const ADDRESS = 'temporal.example:7233';

describe('temporalConnectionOptions', () => {
  it('when nothing but the address is set, then the connection is plain (as the dev server needs)', () => {
    expect(temporalConnectionOptions({ TEMPORAL_ADDRESS: ADDRESS })).toEqual({ address: ADDRESS });
    expect(
      temporalConnectionOptions({
        TEMPORAL_ADDRESS: ADDRESS,
        TEMPORAL_TLS_CA_PATH: '',
        TEMPORAL_API_KEY: '',
      }),
    ).toEqual({ address: ADDRESS });
  });

  it('when a client certificate, key, CA and server name are set, then mTLS uses the files’ contents', () => {
    const options = temporalConnectionOptions({
      TEMPORAL_ADDRESS: ADDRESS,
      TEMPORAL_TLS_CERT_PATH: CERT,
      TEMPORAL_TLS_KEY_PATH: KEY,
      TEMPORAL_TLS_CA_PATH: CA,
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    });
    expect(options.address).toBe(ADDRESS);
    expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toContain('client');
    expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toContain('PRIVATE KEY');
    expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toContain('ca');
    expect(options.tls!.serverNameOverride).toBe('frontend.temporal.internal');
    expect(options.apiKey).toBeUndefined();
  });

  it('when only an API key is set, then it is sent over TLS with the system CAs', () => {
    expect(temporalConnectionOptions({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_API_KEY: 'key-123' })).toEqual({
      address: ADDRESS,
      apiKey: 'key-123',
      tls: {},
    });
  });

  it('when a certificate is given without its key, then the missing setting is named', () => {
    expect(() =>
      temporalConnectionOptions({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS_CERT_PATH: CERT }),
    ).toThrow(/invalid setting TEMPORAL_TLS_KEY_PATH/);
  });

  it('when a file cannot be read, then its setting and path are named', () => {
    const missing = join(dir, 'nowhere.pem');
    let error: unknown;
    try {
      temporalConnectionOptions({ TEMPORAL_ADDRESS: ADDRESS, TEMPORAL_TLS_CA_PATH: missing });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TemporalSettingError);
    expect((error as Error).message).toBe(
      `invalid setting TEMPORAL_TLS_CA_PATH: cannot read ${missing} (ENOENT)`,
    );
  });
});

describe('temporalSettings', () => {
  const CLUSTER = {
    TEMPORAL_ADDRESS: ADDRESS,
    TEMPORAL_TLS_CERT_PATH: CERT,
    TEMPORAL_TLS_KEY_PATH: KEY,
    TEMPORAL_TLS_CA_PATH: CA,
    TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    TEMPORAL_API_KEY: 'key-123',
  };

  it('when the environment names a cluster, then the six settings are read and nothing else', () => {
    expect(temporalSettings({ ...CLUSTER, PATH: '/usr/bin', TEMPORAL_NAMESPACE: 'cases' })).toEqual(CLUSTER);
  });

  it('when the API or the worker reads the same environment through its config, then the CLI gets the same connection', () => {
    const env = {
      ...CLUSTER,
      DATABASE_URL: 'postgres://duban@db.example/duban',
      SMTP_URL: 'smtp://mail.example:25',
      AUTH_SECRET: 'a-secret-that-is-long-enough-to-sign-tokens',
    };
    const fromConfig = temporalSettings(loadConfig(env));
    expect(fromConfig).toEqual(temporalSettings(env));
    expect(temporalConnectionOptions(fromConfig)).toEqual(temporalConnectionOptions(temporalSettings(env)));
  });

  it('when a variable is empty or missing, then it is not set and the address is the local default', () => {
    expect(temporalSettings({ TEMPORAL_TLS_CA_PATH: '', TEMPORAL_API_KEY: undefined })).toEqual({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
    });
    expect(
      temporalSettings(
        loadConfig({
          DATABASE_URL: 'postgres://duban@db.example/duban',
          SMTP_URL: 'smtp://mail.example:25',
          AUTH_SECRET: 'a-secret-that-is-long-enough-to-sign-tokens',
        }),
      ),
    ).toEqual({ TEMPORAL_ADDRESS: '127.0.0.1:7233' });
  });

  it('when a command names the address, then it takes the place of TEMPORAL_ADDRESS and TLS still applies', () => {
    expect(temporalSettings(CLUSTER, { address: 'other.example:7233' })).toEqual({
      ...CLUSTER,
      TEMPORAL_ADDRESS: 'other.example:7233',
    });
    expect(temporalSettings(CLUSTER, { address: '' }).TEMPORAL_ADDRESS).toBe(ADDRESS);
  });
});
