/** Leads registered through the API as staff register them, for tests about what comes after. */
import { shanghaiDate } from '../../domain/time';
import type { ApiClient } from './http';

/** The body of POST /api/cases: a lead received today, with `overrides` for what a test is about. */
export function leadBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '某公司违规堆放固体废物',
    description: '群众反映某公司在厂区外堆放固体废物。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn: shanghaiDate(new Date()),
    ...overrides,
  };
}

/** Registers a lead as `staff` and returns the new case's id; throws unless the API answered 201. */
export async function registerLead(
  staff: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await staff.post('/api/cases', leadBody(overrides));
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
