import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './pglite-server';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for a machine without one: PGlite (Postgres compiled to WASM) persisted in
 * `dataDir` and served over the wire protocol, so the application still talks `pg`.
 * PGlite is one session; dev/pglite-server.ts lets several connections share it safely.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | undefined;
  port: number;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  const server = await servePglite(db, { port: options.port });
  return {
    url: `postgres://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
