/** Who counts as a proxy when Express reads the client's address (`TRUST_PROXY`). */
import { isIP } from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY` as Express's `trust proxy` setting: `false` (the client connects directly), a
 * number of proxy hops, or a comma-separated list of addresses, CIDR ranges and the names
 * loopback, linklocal, uniquelocal. Returns the problem with a value, or null when it is valid.
 */
export function trustProxyProblem(value: string): string | null {
  if (value === 'false' || /^\d{1,2}$/.test(value)) return null;
  const bad = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => !NAMED_RANGES.has(part) && !isAddressOrRange(part));
  return bad.length === 0
    ? null
    : `must be false, a number of proxy hops, or addresses, CIDR ranges and loopback/linklocal/uniquelocal separated by commas (not ${bad.map((b) => JSON.stringify(b)).join(', ')})`;
}

function isAddressOrRange(part: string): boolean {
  const [address = '', bits, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** The value for `app.set('trust proxy', …)` from a valid `TRUST_PROXY`. */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}
