/**
 * The Helm chart under deploy/helm/duban, checked with the real tools: `helm lint`, `helm
 * template`, and the rendered manifests against the Kubernetes schemas (kubernetes-validate,
 * offline). No cluster runs here; what a cluster would refuse at apply time is refused here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES } from '../../config/config';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const CHART = join(ROOT, 'deploy', 'helm', 'duban');
const CI_VALUES = join(CHART, 'ci', 'test-values.yaml');

function tool(variable: string): string {
  const path = process.env[variable];
  if (!path)
    throw new Error(`${variable} is not set: run the suite with npm test (scripts/test.sh installs it)`);
  return path;
}

async function helm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tool('HELM_PATH'), args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Record<string, any>;
}

async function render(...values: string[]): Promise<Manifest[]> {
  const out = await helm('template', 'duban', CHART, '--namespace', 'duban', ...values);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return parseAllDocuments(out.stdout)
    .map((d) => d.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

const one = (ms: Manifest[], kind: string, name: string): Manifest => {
  const found = ms.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found)
    throw new Error(`no ${kind} ${name} among ${ms.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
};
const podOf = (m: Manifest) => m.spec.template.spec;
const containerOf = (m: Manifest) => podOf(m).containers[0];

/**
 * A workload's Temporal TLS settings: the TEMPORAL_TLS_* variables of its container, and each file
 * its mounts put under a path, as `secret/key`.
 */
function temporalTlsOf(m: Manifest): { env: Record<string, string>; files: Record<string, string> } {
  const container = containerOf(m);
  const env = Object.fromEntries(
    (container.env as { name: string; value: string }[])
      .filter((e) => e.name.startsWith('TEMPORAL_TLS_'))
      .map((e) => [e.name, e.value]),
  );
  const volumes = new Map<string, any>(podOf(m).volumes.map((v: { name: string }) => [v.name, v]));
  const files: Record<string, string> = {};
  for (const mount of container.volumeMounts as { name: string; mountPath: string }[]) {
    const secret = volumes.get(mount.name)?.secret;
    if (!secret || secret.secretName === 'duban-audit-key') continue;
    for (const item of secret.items as { key: string; path: string }[])
      files[`${mount.mountPath}/${item.path}`] = `${secret.secretName}/${item.key}`;
  }
  return { env, files };
}

let manifests: Manifest[];
beforeAll(async () => {
  manifests = await render('-f', CI_VALUES);
}, 60_000);

describe('the Helm chart', () => {
  it('when linted strictly with every optional part on, then helm finds nothing', async () => {
    const out = await helm('lint', CHART, '--strict', '-f', CI_VALUES);
    expect(out.stdout).toContain('0 chart(s) failed');
    expect(out.code).toBe(0);
  });

  it('when no Secret is named, then rendering stops saying which value to set', async () => {
    const out = await helm('template', 'duban', CHART);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('existingSecret');
  });

  it('when rendered, then every manifest is valid against the Kubernetes schemas, strictly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-helm-'));
    const file = join(dir, 'manifests.yaml');
    writeFileSync(file, (await helm('template', 'duban', CHART, '-f', CI_VALUES)).stdout);
    const { stdout, stderr } = await run(tool('KUBERNETES_VALIDATE_PATH'), ['--strict', file]).catch(
      (err: { stdout: string; stderr: string }) => ({
        stdout: err.stdout,
        stderr: `${err.stderr}` || 'failed',
      }),
    );
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/ERROR|INVALID/i);
    expect(manifests.length).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('when rendered, then migrations and the Temporal setup run as hook Jobs before the API and the worker, in that order', () => {
    const migrate = one(manifests, 'Job', 'duban-migrate');
    const setup = one(manifests, 'Job', 'duban-temporal-setup');
    for (const job of [migrate, setup])
      expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Number(migrate.metadata.annotations?.['helm.sh/hook-weight'])).toBeLessThan(
      Number(setup.metadata.annotations?.['helm.sh/hook-weight']),
    );
    expect(containerOf(migrate).command).toEqual(['node', 'bin/duban.js', 'migrate']);
    expect(containerOf(setup).command.slice(0, 4)).toEqual(['node', 'bin/duban.js', 'temporal', 'setup']);
    expect(manifests.some((m) => m.kind === 'Secret')).toBe(false);
  });

  it('when rendered, then the API is ready on /healthz and the worker outlives its longest activity', () => {
    const api = containerOf(one(manifests, 'Deployment', 'duban-api'));
    expect(api.readinessProbe.httpGet.path).toBe('/healthz');
    expect(api.command).toEqual(['node', 'dist/api/main.js']);
    const worker = one(manifests, 'Deployment', 'duban-worker');
    const env = Object.fromEntries(
      (containerOf(worker).env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    const grace = Number(env.WORKER_SHUTDOWN_GRACE_SECONDS);
    expect(grace).toBeGreaterThanOrEqual(120);
    expect(podOf(worker).terminationGracePeriodSeconds).toBeGreaterThan(grace);
    expect(env.AUDIT_SIGNING_KEY_FILE).toBe('/etc/duban/audit/signing-key.pem');
  });

  it('when rendered, then every environment variable it sets is one the application reads', () => {
    const known = new Set(Object.keys(CONFIG_VARIABLES));
    const names = manifests
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .flatMap((m) => (containerOf(m).env as { name: string }[]).map((e) => e.name));
    expect(names.filter((n) => !known.has(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['TEMPORAL_ADDRESS', 'PUBLIC_URL', 'TRUST_PROXY']));
  });

  it('when a Secret of Temporal TLS files is named, then the API, the worker and the setup Job mount it and name each file', () => {
    for (const [kind, name] of [
      ['Deployment', 'duban-api'],
      ['Deployment', 'duban-worker'],
      ['Job', 'duban-temporal-setup'],
    ] as const) {
      const { env, files } = temporalTlsOf(one(manifests, kind, name));
      expect({ name, env }).toEqual({
        name,
        env: {
          TEMPORAL_TLS_CERT_PATH: '/etc/duban/temporal-tls/client.pem',
          TEMPORAL_TLS_KEY_PATH: '/etc/duban/temporal-tls/client.key',
          TEMPORAL_TLS_CA_PATH: '/etc/duban/temporal-tls/ca.pem',
          TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend.temporal.svc',
        },
      });
      // Each path the application reads is a file the Secret's volume puts there, from the cert-manager keys.
      expect({ name, files }).toEqual({
        name,
        files: {
          '/etc/duban/temporal-tls/client.pem': 'duban-temporal-tls/tls.crt',
          '/etc/duban/temporal-tls/client.key': 'duban-temporal-tls/tls.key',
          '/etc/duban/temporal-tls/ca.pem': 'duban-temporal-tls/ca.crt',
        },
      });
    }
    expect(temporalTlsOf(one(manifests, 'Job', 'duban-migrate'))).toEqual({ env: {}, files: {} });
  });

  it('when only a CA is named, or no TLS at all, then only what is given is mounted and set', async () => {
    const caOnly = await render(
      '--set',
      'existingSecret=duban-env',
      '--set',
      'temporal.tls.existingSecret=temporal-ca',
      '--set',
      'temporal.tls.certKey=',
      '--set',
      'temporal.tls.keyKey=',
    );
    expect(temporalTlsOf(one(caOnly, 'Deployment', 'duban-worker'))).toEqual({
      env: { TEMPORAL_TLS_CA_PATH: '/etc/duban/temporal-tls/ca.pem' },
      files: { '/etc/duban/temporal-tls/ca.pem': 'temporal-ca/ca.crt' },
    });
    const plain = await render('--set', 'existingSecret=duban-env');
    for (const m of plain.filter((m) => m.kind === 'Deployment' || m.kind === 'Job'))
      expect(temporalTlsOf(m)).toEqual({ env: {}, files: {} });
  });

  it('when a client certificate is named without its key, then rendering stops saying so', async () => {
    const out = await helm('template', 'duban', CHART, '-f', CI_VALUES, '--set', 'temporal.tls.keyKey=');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('a client certificate needs its key');
  });

  it('when values break the schema, then helm refuses them naming the value', async () => {
    const out = await helm('template', 'duban', CHART, '-f', CI_VALUES, '--set', 'worker.replicas=0');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('/worker/replicas');
  });
});
