/**
 * A real S3-compatible server for the evidence tests: `moto_server` (scripts/ensure-moto.sh) on a
 * free port of this host, started before the file's first test and stopped after its last. With
 * no moto_server to run, the file's tests fail: they are not skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseObjectStoreUrl } from '../../config/object-store';
import { s3EvidenceStorage, type S3EvidenceStorage } from '../../store/evidence-s3';
import { freePort } from './ports';
import { motoServerPath } from './tools';

export interface MotoServer {
  url: string;
  /** Evidence storage in a bucket of its own on this server (made by `ensureBucket`, as the API does at start). */
  storage(bucket: string): S3EvidenceStorage;
}

export function useMotoServer(): MotoServer {
  let child: ChildProcess | undefined;
  const server = {
    url: '',
    storage: (bucket: string) =>
      s3EvidenceStorage(
        parseObjectStoreUrl(`s3://${bucket}/evidence?endpoint=${server.url}`, {
          accessKey: 'duban-test',
          secretKey: 'duban-test-secret',
        }),
      ),
  };
  beforeAll(async () => {
    const port = await freePort();
    child = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    const exited = new Promise<never>((_resolve, reject) => {
      child!.once('error', (err) => reject(new Error(`moto_server did not start: ${err.message}`)));
      child!.once('exit', (code) => reject(new Error(`moto_server exited (${code}) before it served`)));
    });
    exited.catch(() => undefined); // its exit at the end is no failure
    server.url = `http://127.0.0.1:${port}`;
    await Promise.race([exited, serving(server.url)]);
  }, 60_000);
  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  });
  return server;
}

async function serving(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/moto-api/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server at ${url} did not answer within 30 s`);
}
