/**
 * The suite's Temporal server speaks plain gRPC only, so mTLS is tested through a TLS terminator
 * in front of it that demands a client certificate signed by a test CA (made here with openssl):
 * the client connection (API, CLI) and the worker's native connection, built from the
 * TEMPORAL_TLS_* settings by the one helper, must get through it; without a certificate, not.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { NativeConnection } from '@temporalio/worker';
import {
  connectTemporalClient,
  temporalConnectionOptions,
  type TemporalSettings,
} from '../../../config/temporal-connection';
import { quietRuntime } from '../../helpers/system';

const dir = mkdtempSync(join(tmpdir(), 'duban-mtls-'));
const path = (name: string) => join(dir, name);
const SERVER_NAME = 'temporal.test';

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A test CA, a server certificate for SERVER_NAME and a client certificate, all signed by the CA. */
function makeCertificates(): void {
  writeFileSync(
    path('ext.cnf'),
    [
      '[server]',
      'basicConstraints=CA:FALSE',
      `subjectAltName=DNS:${SERVER_NAME}`,
      'extendedKeyUsage=serverAuth',
      '[client]',
      'basicConstraints=CA:FALSE',
      'extendedKeyUsage=clientAuth',
      '',
    ].join('\n'),
  );
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=duban-test-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  for (const name of ['server', 'client']) {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=duban-${name}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
      '-extensions',
      name,
    );
  }
}

let terminator: Server;
let address: string;
/** Common names of the client certificates the terminator accepted. */
const clients: string[] = [];

beforeAll(async () => {
  quietRuntime();
  makeCertificates();
  const [host, port] = process.env.DUBAN_TEST_TEMPORAL_ADDRESS!.split(':');
  terminator = createServer(
    {
      key: readFileSync(path('server.key')),
      cert: readFileSync(path('server.pem')),
      ca: readFileSync(path('ca.pem')),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      clients.push(String(socket.getPeerCertificate().subject?.CN));
      const upstream = tcpConnect(Number(port), host);
      socket.pipe(upstream).pipe(socket);
      const close = () => (socket.destroy(), upstream.destroy());
      socket.on('error', close);
      upstream.on('error', close);
    },
  );
  await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${(terminator.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => terminator?.close(resolve)));

const mtls = (): TemporalSettings => ({
  TEMPORAL_ADDRESS: address,
  TEMPORAL_TLS_CERT_PATH: path('client.pem'),
  TEMPORAL_TLS_KEY_PATH: path('client.key'),
  TEMPORAL_TLS_CA_PATH: path('ca.pem'),
  TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
});

describe('Temporal over mTLS', () => {
  it('when the client connection is given the TEMPORAL_TLS_* settings, then it reaches Temporal with its certificate', async () => {
    const before = clients.length;
    const connection = await connectTemporalClient(mtls(), { connectTimeout: '10 s' });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBeTruthy();
    } finally {
      await connection.close();
    }
    expect(clients.slice(before)).toContain('duban-client');
  });

  it('when the worker’s native connection is given the same settings, then it reaches Temporal too', async () => {
    const before = clients.length;
    const connection = await NativeConnection.connect(temporalConnectionOptions(mtls()));
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBeTruthy();
    } finally {
      await connection.close();
    }
    expect(clients.slice(before)).toContain('duban-client');
  });

  it('when no client certificate is given, then the TLS terminator refuses the connection', async () => {
    const { TEMPORAL_TLS_CERT_PATH: _c, TEMPORAL_TLS_KEY_PATH: _k, ...withoutCertificate } = mtls();
    const attempt = (async () => {
      const connection = await connectTemporalClient(withoutCertificate, { connectTimeout: '3 s' });
      try {
        await connection.withDeadline(Date.now() + 3000, () => connection.workflowService.getSystemInfo({}));
      } finally {
        await connection.close();
      }
    })();
    await expect(attempt).rejects.toThrow();
  });
});
