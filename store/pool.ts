import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';

/** The one connection pool of a process, and the only place that talks to `pg` directly. */
export interface Db {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
    options?: QueryOptions,
  ): Promise<R[]>;
  withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on each connection, so that PostgreSQL plans it once there instead
   * of on every call: for a hot read whose planning costs as much as running it.
   */
  prepared?: boolean;
}

export interface Tx {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
}

export interface DbOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
}

export function createDb({ connectionString, max = 10, applicationName = 'duban' }: DbOptions): Db {
  const pool = new Pool({
    connectionString,
    max,
    application_name: applicationName,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);

  // A server whose connections share one session (the embedded database; a pooler in transaction
  // mode) sees another connection's statement of the same name, or misses its own: from the first
  // such refusal on, this pool plans every statement afresh, which is always correct.
  let preparing = true;
  const query = async <R extends QueryResultRow>(
    text: string,
    values?: unknown[],
    options?: QueryOptions,
  ) => {
    if (!options?.prepared || !preparing) return (await pool.query<R>({ text, values })).rows;
    try {
      return (await pool.query<R>({ name: statementName(text), text, values })).rows;
    } catch (err) {
      if (!SHARED_SESSION_CODES.has((err as { code?: string }).code ?? '')) throw err;
      preparing = false;
      return (await pool.query<R>({ text, values })).rows;
    }
  };

  return {
    query,
    async withTransaction(work) {
      const client = await pool.connect();
      // A checked-out client whose server goes away between two queries emits 'error'; with no
      // listener that would crash the process. Keep it, and destroy the client on release.
      let lost: Error | undefined;
      const onError = (err: Error) => (lost = err);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(txOf(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        client.release(lost);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** duplicate_prepared_statement, invalid_sql_statement_name. */
const SHARED_SESSION_CODES = new Set(['42P05', '26000']);

const statementNames = new Map<string, string>();

/** A prepared statement's name, the same for the same text on every connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `duban-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function txOf(client: PoolClient): Tx {
  return {
    query: async <R extends QueryResultRow>(text: string, values?: unknown[]) =>
      (await client.query<R>(text, values)).rows,
  };
}

/** PostgreSQL's SQLSTATE for a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === UNIQUE_VIOLATION;
}

/** The first row a query returns, or undefined: for lookups by key. */
export async function firstRow<R extends QueryResultRow>(
  q: Db | Tx,
  text: string,
  values: unknown[],
  options?: QueryOptions,
): Promise<R | undefined> {
  return (await q.query<R>(text, values, options))[0];
}
