import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for a machine without one: PGlite (Postgres compiled to WASM) persisted in
 * `dataDir` and served over the wire protocol, so the application still talks `pg`.
 * PGlite runs one query at a time; the socket server multiplexes connections and keeps
 * a connection's transaction exclusive.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | undefined;
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  const server = new PGLiteSocketServer({
    db,
    port: options.port,
    host: '127.0.0.1',
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
