/**
 * docker-compose.yml cannot be started here (no Docker engine), so it is read as data and
 * held to the application's own config schema and search attributes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../config/config';
import { parseObjectStoreUrl } from '../../config/object-store';

const ROOT = join(__dirname, '..', '..');
const COMPOSE_TEXT = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  deploy?: { replicas?: number };
  container_name?: string;
  ports?: unknown[];
}
interface Compose {
  services: Record<string, Service>;
}

const compose = parse(COMPOSE_TEXT, { merge: true }) as Compose;
const APP_SERVICES = ['api', 'worker'] as const;
const REQUIRED = ['DATABASE_URL', 'SMTP_URL', 'AUTH_SECRET', 'TEMPORAL_ADDRESS'];

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function environment(s: Service): Record<string, string> {
  const env = s.environment ?? {};
  const pairs = Array.isArray(env)
    ? env.map((line) => [line.split('=')[0]!, line.slice(line.indexOf('=') + 1)])
    : Object.entries(env).map(([k, v]) => [k, String(v ?? '')]);
  return Object.fromEntries(pairs);
}

function commandText(s: Service): string {
  return [s.entrypoint, s.command].flat().filter(Boolean).join(' ');
}

describe('docker-compose.yml', () => {
  it('when read, then it has every service the application needs', () => {
    for (const name of ['temporal-db', 'temporal-schema', 'temporal', 'temporal-setup', 'temporal-ui']) {
      expect(compose.services).toHaveProperty(name);
    }
    for (const name of ['db', 'mail', 'api', 'worker']) expect(compose.services).toHaveProperty(name);
    expect(environment(service('temporal')).POSTGRES_SEEDS).toBe('temporal-db');
    expect(service('temporal-db').image).toMatch(/^postgres:/);
    expect(service('mail').image).toMatch(/mailpit:v\d/);
    expect(service('mail').ports).toContain('127.0.0.1:8025:8025');
  });

  it('when published, then only the API listens beyond this host; the Temporal UI and the mail catcher do not', () => {
    const open = Object.entries(compose.services).flatMap(([name, s]) =>
      (s.ports ?? []).filter((p) => !String(p).startsWith('127.0.0.1:')).map((p) => `${name} ${p}`),
    );
    expect(open).toEqual(['api 3000:3000']);
    expect(environment(service('temporal-ui')).TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  });

  it.each(APP_SERVICES)('when %s starts, then every required setting is given', (name) => {
    const env = environment(service(name));
    for (const variable of REQUIRED) expect(env[variable] ?? '').not.toBe('');
  });

  it.each(APP_SERVICES)('when %s starts, then it is given only settings the application reads', (name) => {
    const unknown = Object.keys(environment(service(name))).filter((v) => !(v in CONFIG_VARIABLES));
    expect(unknown).toEqual([]);
  });

  it('when the application services start, then they reach the other services by their compose names', () => {
    for (const name of APP_SERVICES) {
      const env = environment(service(name));
      expect(env.DATABASE_URL).toMatch(/@db:5432\//);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.SMTP_URL).toContain('smtp://mail:1025');
    }
    expect(environment(service('api'))).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
    expect(service('api').ports).toContain('3000:3000');
  });

  it.each(APP_SERVICES)(
    'when %s starts, then it waits for healthy dependencies and registered search attributes',
    (name) => {
      const dependsOn = service(name).depends_on as Record<string, { condition?: string }>;
      expect(dependsOn).toMatchObject({
        db: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
        mail: { condition: 'service_healthy' },
        'temporal-setup': { condition: 'service_completed_successfully' },
      });
      for (const dependency of ['db', 'temporal', 'mail'])
        expect(service(dependency).healthcheck?.test).toBeDefined();
    },
  );

  it('when payload encryption is configured, then the api and the worker get the same codec keys', () => {
    const [api, worker] = APP_SERVICES.map((name) => environment(service(name)));
    expect(api!.TEMPORAL_CODEC_KEYS).toBe('${TEMPORAL_CODEC_KEYS:-}');
    expect(worker!.TEMPORAL_CODEC_KEYS).toBe(api!.TEMPORAL_CODEC_KEYS);
    const ui = environment(service('temporal-ui'));
    expect(api!.TEMPORAL_UI_ORIGIN).toBe('http://localhost:8080');
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toBe('http://localhost:3000/api/temporal-codec');
  });

  it('when run, then the api and the worker run their own compiled entry points of one image', () => {
    expect(commandText(service('api'))).toBe('node dist/api/main.js');
    expect(commandText(service('worker'))).toBe('node dist/worker/main.js');
    expect(service('api').image).toBe(service('worker').image);
    expect(service('api').healthcheck?.test).toEqual(
      expect.arrayContaining([expect.stringContaining('/healthz')]),
    );
  });

  it('when scaled, then the worker can run as several replicas', () => {
    const worker = service('worker');
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(1);
  });

  it('when pulled, then every image is pinned to a version, and Temporal runs on its maintained images', () => {
    const images = Object.entries(compose.services)
      .filter(([, s]) => s.image && !s.build)
      .map(([name, s]) => [name, s.image!] as const);
    // A version number, or MinIO's own form of a pinned release (RELEASE.<UTC date and time>).
    for (const [, image] of images)
      expect(image).toMatch(/^[\w./-]+:(v?\d+(\.\d+)*[\w.-]*|RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)$/);
    expect(images.map(([, image]) => image).join(' ')).not.toMatch(/auto-setup/);
    for (const s of Object.values(compose.services)) expect(s.image ?? '').not.toMatch(/:latest$/);
    expect(service('temporal').image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    expect(service('temporal-schema').image).toMatch(/^temporalio\/admin-tools:\d+\.\d+\.\d+$/);
    expect(service('temporal-schema').image!.split(':')[1]).toBe(service('temporal').image!.split(':')[1]);
  });

  it('when started, then the schema job, the server, the setup job and the application come up in that order', () => {
    const dependsOn = (name: string) => service(name).depends_on as Record<string, { condition?: string }>;
    expect(dependsOn('temporal-schema')).toEqual({ 'temporal-db': { condition: 'service_healthy' } });
    expect(dependsOn('temporal')).toMatchObject({
      'temporal-schema': { condition: 'service_completed_successfully' },
    });
    expect(dependsOn('temporal-setup')).toEqual({ temporal: { condition: 'service_healthy' } });
    expect(dependsOn('temporal-ui')).toMatchObject({ temporal: { condition: 'service_healthy' } });
    for (const name of ['temporal-db', 'temporal']) expect(service(name).healthcheck?.test).toBeDefined();
  });

  it("when the schema job runs, then it creates and updates both of Temporal's PostgreSQL databases", () => {
    const schema = service('temporal-schema');
    const script = commandText(schema);
    expect(environment(schema)).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'temporal-db' });
    for (const step of ['create', 'setup-schema -v 0.0', 'update-schema -d']) expect(script).toContain(step);
    expect(script).toMatch(/temporal:temporal temporal_visibility:visibility/);
    expect(environment(schema).SCHEMA_DIR).toBe('/etc/temporal/schema/postgresql/v12');
    expect(environment(service('temporal'))).toMatchObject({
      DB: 'postgres12',
      DBNAME: 'temporal',
      VISIBILITY_DBNAME: 'temporal_visibility',
    });
  });

  it("when Temporal is ready, then duban's own setup command makes the namespace and its search attributes", () => {
    const setup = service('temporal-setup');
    expect(commandText(setup)).toMatch(/^node bin\/duban\.js temporal setup\b/);
    expect(setup.image).toBe(service('api').image);
    expect(environment(setup)).toEqual({
      TEMPORAL_ADDRESS: environment(service('api')).TEMPORAL_ADDRESS,
      TEMPORAL_NAMESPACE: environment(service('api')).TEMPORAL_NAMESPACE,
    });
  });

  it('when the server reads its runtime settings, then the mounted file exists', () => {
    const temporal = service('temporal') as Service & { volumes?: string[] };
    const mounted = (temporal.volumes ?? []).map((v) => v.split(':'));
    const dynamic = mounted.find(([, target]) => target === environment(temporal).DYNAMIC_CONFIG_FILE_PATH);
    expect(dynamic).toBeDefined();
    expect(existsSync(join(ROOT, dynamic![0]!))).toBe(true);
  });

  it('when the demo profile is used, then a one-shot loads the demo accounts of npm start', () => {
    const demo = service('demo-data');
    expect((demo as { profiles?: string[] }).profiles).toEqual(['demo']);
    expect(commandText(demo)).toMatch(/migrate\(db\)[\s\S]*seedDemoData\(db\)/);
    expect(commandText(demo)).toContain("require('./dist/dev/demo-data')");
    expect(commandText(demo)).not.toContain('tsx');
    expect(Object.keys(environment(demo)).filter((v) => !(v in CONFIG_VARIABLES))).toEqual([]);
    expect(environment(demo).DATABASE_URL).toBe(environment(service('api')).DATABASE_URL);
    expect(existsSync(join(ROOT, 'dev', 'demo-data.ts'))).toBe(true);
  });

  it('when evidence files are stored, then the api puts them in the MinIO of the compose file, which it waits for', () => {
    const minio = service('minio');
    expect(minio.image).toMatch(/^minio\/minio:RELEASE\./);
    expect(commandText(minio)).toMatch(/^server \/data\b/);
    expect(minio.ports).toEqual(['127.0.0.1:9000:9000', '127.0.0.1:9001:9001']);
    expect(minio.healthcheck?.test).toEqual(['CMD', 'mc', 'ready', 'local']);
    expect((minio as { volumes?: string[] }).volumes).toContain('minio-data:/data');
    const dependsOn = service('api').depends_on as Record<string, { condition?: string }>;
    expect(dependsOn.minio).toEqual({ condition: 'service_healthy' });
    const env = environment(service('api'));
    // The default given to compose is a URL the application's own parser accepts, aimed at the minio service.
    const url = /^\$\{OBJECT_STORE_URL:-(.+)\}$/.exec(env.OBJECT_STORE_URL ?? '')?.[1];
    expect(parseObjectStoreUrl(url ?? '')).toMatchObject({
      bucket: 'duban-evidence',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
    });
    // The application's keys default to MinIO's own root user and password.
    const minioEnv = environment(minio);
    expect(env.OBJECT_STORE_ACCESS_KEY).toContain(minioEnv.MINIO_ROOT_USER);
    expect(env.OBJECT_STORE_SECRET_KEY).toContain(minioEnv.MINIO_ROOT_PASSWORD);
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://a@db/duban',
        SMTP_URL: 'smtp://mail:1025',
        AUTH_SECRET: 'x'.repeat(32),
        OBJECT_STORE_URL: url,
        OBJECT_STORE_ACCESS_KEY: 'duban',
        OBJECT_STORE_SECRET_KEY: 'duban-minio',
      }),
    ).not.toThrow();
  });

  it('when built, then the build context holds the Dockerfile', () => {
    for (const name of [...APP_SERVICES, 'demo-data', 'temporal-setup']) {
      const build = service(name).build;
      const { context = '.', dockerfile = 'Dockerfile' } =
        typeof build === 'string' ? { context: build } : (build ?? {});
      expect(build).toBeDefined();
      expect(existsSync(join(resolve(ROOT, context), dockerfile))).toBe(true);
    }
  });

  it('when interpolated by compose, then every dollar sign is a ${VARIABLE} or an escaped $$', () => {
    const code = COMPOSE_TEXT.split('\n').filter((line) => !/^\s*#/.test(line));
    const stray = code.filter((line) => /\$(?![{$])/.test(line.replace(/\$\$/g, '')));
    expect(stray).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

  /** The text of one stage, from its FROM line to the next. */
  function stage(index: number): string {
    return dockerfile.split(/^(?=FROM )/m)[index] ?? '';
  }
  const stages = dockerfile.match(/^FROM /gm) ?? [];
  const runtime = stage(stages.length);

  it('when built, then a Node 20 stage with every dependency runs npm run build after copying the sources', () => {
    const build = stage(1);
    expect(build).toMatch(/^FROM node:20[\w.-]* AS build$/m);
    expect(build).toMatch(/^RUN npm ci --no-audit/m);
    expect(build.indexOf('RUN npm run build')).toBeGreaterThan(build.indexOf('COPY . .'));
  });

  it('when run, then the image holds production dependencies and the compiled output, and runs node on it', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^FROM node:20[\w.-]*$/m);
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev\b/);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime).toContain('COPY --from=build /app/web/dist ./web/dist');
    expect(runtime).toContain('COPY migrations ./migrations');
    expect(runtime).not.toContain('COPY . .');
    expect(runtime).not.toMatch(/tsx/);
    expect(dockerfile).toContain('CMD ["node", "dist/api/main.js"]');
  });

  it('when it sets application settings, then they are ones the application reads', () => {
    const block = /^ENV ((?:.*\\\n)*.*)$/m.exec(dockerfile)?.[1] ?? '';
    const names = [...block.matchAll(/([A-Z_]+)=/g)].map((m) => m[1]!).filter((n) => n !== 'NODE_ENV');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !(n in CONFIG_VARIABLES))).toEqual([]);
  });

  it('when the image is built, then it builds from the copied sources, never a local build', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['dist', 'web/dist']) expect(ignored).toContain(entry);
  });

  it('when the image is built, then local data, caches and dependencies stay out of it', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', 'data', '.cache', '.git']) expect(ignored).toContain(entry);
  });
});
