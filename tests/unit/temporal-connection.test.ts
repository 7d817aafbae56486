/**
 * The connection options every process builds for Temporal. The suite's Temporal servers serve
 * plain gRPC only, so TLS is checked here as the options the SDK receives, read from real files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConnectionOptions, TemporalSettingError } from '../../config/temporal-connection';

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
