import { ConfigError, loadConfig, type Config } from './config';

/** Stops the process with one line that names the setting at fault: no stack trace as the only clue. */
export function fatal(message: string): never {
  process.stderr.write(`duban: ${message}\n`);
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

/** Runs a start-up step; on failure, stops with `message` and the underlying reason. */
export async function startupStep<T>(message: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const reason =
      err instanceof Error ? err.message || (err as { code?: string }).code || err.name : String(err);
    fatal(`${message} (${reason.split('\n')[0]})`);
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
