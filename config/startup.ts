import { ConfigError, loadConfig, type Config } from './config';

/** Stops the process with one line that names the setting at fault: no stack trace as the only clue. */
export function fatal(message: string): never {
  process.stderr.write(`duban: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fatal(err.message);
    throw err;
  }
}

/** Long enough for a slow server, short enough that a wrong address never looks like a hang. */
export const STARTUP_STEP_TIMEOUT_MS = 20_000;

/** Runs a start-up step; on failure or after `timeoutMs`, stops with `message` and the reason. */
export async function startupStep<T>(
  message: string,
  step: () => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  try {
    return await withTimeout(step(), options.timeoutMs ?? STARTUP_STEP_TIMEOUT_MS);
  } catch (err) {
    fatal(`${message} (${describeFailure(err)})`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The reason of a failure in a few words. Temporal's native client reports transport errors
 * as a Rust debug dump; the OS message inside it is what a reader needs.
 */
export function describeFailure(err: unknown): string {
  const text =
    err instanceof Error ? err.message || (err as { code?: string }).code || err.name : String(err);
  if (/dns error|failed to lookup address/i.test(text)) return 'host name not found';
  const osMessage = /Os \{[^}]*message: "([^"]+)"/.exec(text)?.[1];
  if (osMessage) return osMessage.toLowerCase();
  const line = text.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** gRPC status of a Temporal service error, if it is one. */
function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

const GRPC_NOT_FOUND = 5;

/**
 * Asks Temporal for the configured namespace: proves the frontend answers (a connection alone
 * may be satisfied by anything that speaks HTTP/2) and that TEMPORAL_NAMESPACE exists.
 */
export async function checkTemporalNamespace(
  config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>,
  describeNamespace: (namespace: string) => Promise<unknown>,
): Promise<void> {
  try {
    await withTimeout(describeNamespace(config.TEMPORAL_NAMESPACE), STARTUP_STEP_TIMEOUT_MS);
  } catch (err) {
    if (
      grpcCode(err) === GRPC_NOT_FOUND ||
      /namespace \S+ (is|was) not found/i.test(String((err as Error)?.message))
    ) {
      fatal(
        `TEMPORAL_NAMESPACE=${config.TEMPORAL_NAMESPACE} does not exist on the Temporal server at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS}`,
      );
    }
    fatal(`cannot reach Temporal at TEMPORAL_ADDRESS=${config.TEMPORAL_ADDRESS} (${describeFailure(err)})`);
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable)';
  }
}
