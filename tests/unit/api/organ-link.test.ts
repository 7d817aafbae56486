// What an organ's link answers once its recommendation or case has moved on: superseded or
// withdrawn (410), or settled with its case archived (409), each saying so and nothing else.
import { openLink } from '../../../api/organ/session';
import type { Problem } from '../../../api/problem';
import type { OrganAccessRow } from '../../../store/organ-access';
import type { Db } from '../../../store/pool';

const ROW: OrganAccessRow = {
  token: 'link-token-0000000000',
  case_id: 'c-1',
  recommendation_id: 'rec-1',
  procuratorate_id: 'p-1',
  organ_id: 'organ-eco',
  organ_name: '区生态环境局',
  email: 'eco@organ.example',
  case_title: '七里河固废堆放案',
  case_stage: 'FOLLOW_UP',
  status: 'served',
  outcome: null,
};

const dbWith = (row?: Partial<OrganAccessRow>) =>
  ({ query: async () => (row ? [{ ...ROW, ...row }] : []) }) as unknown as Db;

async function answer(row?: Partial<OrganAccessRow>) {
  try {
    return await openLink(dbWith(row), ROW.token);
  } catch (err) {
    const p = err as Problem;
    return { status: p.status, type: p.type, detail: p.detail };
  }
}

it.each([
  ['an unknown link', undefined, 404, 'not-found'],
  ['a superseded recommendation', { outcome: 'superseded' }, 410, 'recommendation-superseded'],
  ['a recommendation no longer on the case', { status: null }, 410, 'recommendation-withdrawn'],
  ['a terminated case', { case_stage: 'TERMINATED' }, 410, 'recommendation-withdrawn'],
  ['an archived case', { case_stage: 'ARCHIVED', status: 'settled' }, 409, 'case-closed'],
])('%s answers %i', async (_what, row, status, type) => {
  const got = await answer(row ?? undefined);
  expect(got).toMatchObject({ status, type: expect.stringContaining(type) });
  expect(JSON.stringify(got)).not.toContain(ROW.case_title);
});

it('an archived case says the recommendation is settled', async () => {
  expect(await answer({ case_stage: 'ARCHIVED' })).toMatchObject({
    detail: '案件已归档，该检察建议已办结，此链接不再受理签收、答复或报送',
  });
});

it('a recommendation in force opens', async () => {
  expect(await answer({})).toEqual(ROW);
});
