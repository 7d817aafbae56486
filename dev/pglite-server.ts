/**
 * PGlite (a single Postgres session) shared by several clients over the wire protocol.
 *
 * A client's request is a group of protocol messages ending in Sync or Query (Parse, Bind,
 * Describe, Execute, Sync …); groups from different clients must never interleave, or one
 * client's Bind would meet another's Parse. So each group runs whole, and a client that leaves
 * a transaction open keeps the session until it commits or rolls back (or disconnects, which
 * rolls back). Session-wide settings are shared by every client: the application uses none.
 *
 * Roles are kept apart as a real server keeps them: each client is the role its startup message
 * names (a role that does not exist is refused), and the session takes that role, through SET
 * SESSION AUTHORIZATION, whenever the client's group runs outside a transaction. So the
 * application's role is refused what it was not granted, as on PostgreSQL. There is no password:
 * the server listens on the loopback address only.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Message types that end a request group: Sync, simple Query, Flush. */
const GROUP_END = new Set(['S', 'Q', 'H']);
const TERMINATE = 'X';

/** The session: one client at a time, held across a transaction. */
class SessionLock {
  private owner: number | null = null;
  private waiters: (() => void)[] = [];

  async acquire(client: number): Promise<void> {
    while (this.owner !== null && this.owner !== client) await new Promise<void>((r) => this.waiters.push(r));
    this.owner = client;
  }

  release(client: number): void {
    if (this.owner !== client) return;
    this.owner = null;
    this.waiters.splice(0).forEach((wake) => wake());
  }

  heldBy(client: number): boolean {
    return this.owner === client;
  }
}

export interface PgliteServer {
  port: number;
  /** Stops listening and drops every client. */
  close(): Promise<void>;
}

/** Which role the shared session is; at start, PGlite's superuser. */
class SessionRole {
  constructor(
    readonly bootstrap: string,
    private current: string = bootstrap,
  ) {}

  /** Makes the session `user`'s; the caller holds the session outside any transaction. */
  async become(db: PGlite, user: string): Promise<void> {
    if (this.current === user) return;
    const role = (await db.query<{ q: string }>('SELECT quote_ident($1) AS q', [user])).rows[0]!.q;
    // Named even for the superuser: PGlite's RESET SESSION AUTHORIZATION keeps the role it had.
    await db.exec(`SET SESSION AUTHORIZATION ${role}`);
    this.current = user;
  }
}

export async function servePglite(
  db: PGlite,
  options: { port: number; host?: string },
): Promise<PgliteServer> {
  const lock = new SessionLock();
  const bootstrap = (await db.query<{ u: string }>('SELECT session_user AS u')).rows[0]!.u;
  const role = new SessionRole(bootstrap);
  const sockets = new Set<Socket>();
  let nextId = 1;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    new ClientConnection(nextId++, socket, db, lock, role);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((s) => s.destroy());
      }),
  };
}

class ClientConnection {
  private buffer = Buffer.alloc(0);
  private group: Buffer[] = [];
  private started = false;
  private work: Promise<void> = Promise.resolve();
  private closed = false;
  private user = '';

  constructor(
    private readonly id: number,
    private readonly socket: Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
    private readonly role: SessionRole,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data) => this.receive(data));
    socket.on('close', () => this.onClose());
    socket.on('error', () => socket.destroy());
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (let message = this.nextMessage(); message; message = this.nextMessage()) this.handle(message);
  }

  /** The next complete message, or undefined until more bytes arrive. */
  private nextMessage(): Buffer | undefined {
    const untyped = !this.started;
    const header = untyped ? 4 : 5;
    if (this.buffer.length < header) return undefined;
    const length = (untyped ? 0 : 1) + this.buffer.readInt32BE(untyped ? 0 : 1);
    if (this.buffer.length < length) return undefined;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private handle(message: Buffer): void {
    if (!this.started) {
      const code = message.readInt32BE(4);
      if (code === SSL_REQUEST) return void this.socket.write('N');
      if (code === CANCEL_REQUEST) return void this.socket.end();
      this.started = true;
      this.user = startupParameters(message).get('user') ?? this.role.bootstrap;
      this.work = this.work.then(() => this.admit(message)).catch(() => void this.socket.destroy());
      return;
    }
    const type = String.fromCharCode(message[0]!);
    if (type === TERMINATE) return void this.socket.end();
    this.group.push(message);
    if (GROUP_END.has(type)) this.enqueue(this.group.splice(0));
  }

  /** Runs a group after the ones before it, with the session to itself. */
  private enqueue(group: Buffer[]): void {
    this.work = this.work.then(() => this.run(Buffer.concat(group))).catch(() => void this.socket.destroy());
  }

  /** Answers the startup message as the server would, or refuses a role that does not exist. */
  private async admit(startup: Buffer): Promise<void> {
    await this.lock.acquire(this.id);
    try {
      const known = await this.db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [this.user]);
      if (known.rows.length === 0) {
        this.closed = true;
        this.socket.end(fatalError('28000', `role "${this.user}" does not exist`));
        return;
      }
    } finally {
      if (!this.db.isInTransaction()) this.lock.release(this.id);
    }
    await this.run(startup);
  }

  private async run(request: Buffer): Promise<void> {
    if (this.closed) return;
    await this.lock.acquire(this.id);
    try {
      if (!this.db.isInTransaction()) await this.role.become(this.db, this.user);
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(new Uint8Array(request), {
          onRawData: (data) => {
            if (!this.socket.destroyed) this.socket.write(data);
          },
        }),
      );
    } finally {
      if (!this.db.isInTransaction()) this.lock.release(this.id);
    }
  }

  /** A client gone in the middle of a transaction leaves nothing half-done behind. */
  private onClose(): void {
    this.closed = true;
    this.work = this.work.then(async () => {
      if (!this.lock.heldBy(this.id)) return;
      try {
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      } finally {
        this.lock.release(this.id);
      }
    });
  }
}

/** The `name → value` pairs of a startup message (after its length and protocol version). */
function startupParameters(message: Buffer): Map<string, string> {
  const parts = message.subarray(8).toString('utf8').split('\0');
  const parameters = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) parameters.set(parts[i]!, parts[i + 1]!);
  return parameters;
}

/** An ErrorResponse of severity FATAL, as a server sends before it closes the connection. */
function fatalError(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}
