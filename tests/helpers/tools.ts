import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Path of a tool from its environment variable, else from the script that fetches and caches it. */
function toolPath(envName: string, script: string): string {
  const given = process.env[envName];
  if (given) return given;
  const path = execFileSync('bash', [join(ROOT, 'scripts', script)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  process.env[envName] = path;
  return path;
}

export const temporalCliPath = () => toolPath('TEMPORAL_CLI_PATH', 'ensure-temporal-cli.sh');
export const testServerPath = () => toolPath('TEMPORAL_TEST_SERVER_PATH', 'ensure-test-server.sh');
export const schemathesisPath = () => toolPath('SCHEMATHESIS_PATH', 'ensure-schemathesis.sh');
/** moto_server, the S3-compatible server the evidence tests run against (scripts/ensure-moto.sh). */
export const motoServerPath = () => toolPath('MOTO_SERVER_PATH', 'ensure-moto.sh');
/** The Temporal server's directory (binaries and schema), for the smoke suite on the production engine. */
export const temporalServerDir = () => toolPath('TEMPORAL_SERVER_DIR', 'ensure-temporal-server.sh');
