/** Expected statuses of the Temporal UI's codec endpoint: staff who oversee cases only. */
import { allow, type RouteExpectation } from './harness';

/** One unencrypted payload ("x" as JSON): any codec answers it, so only the role decides. */
const payloads = { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'Ingi' }] };

export const matrix: RouteExpectation[] = (['decode', 'encode'] as const).map((direction) => ({
  route: `POST /api/temporal-codec/${direction}`,
  request: async () => ({ path: `/api/temporal-codec/${direction}`, body: payloads }),
  own: allow(['admin', 'case_office'], 200),
}));
