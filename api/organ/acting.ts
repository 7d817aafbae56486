/**
 * What the organ's routes share: the organ's action sent to its case's workflow, and the page's
 * view of the recommendation after it.
 */
import type { z } from 'zod';
import type { Actor } from '../../domain/case/model';
import type { ActionName, Payloads } from '../../domain/case/payloads';
import { findCaseInScope, recommendationsOf } from '../../store/case-reads';
import { organReplyOf, type OrganAccessRow } from '../../store/organ-access';
import { sendCaseAction, type ActDeps } from '../cases/act';
import type { EvidenceDeps } from '../cases/evidence';
import { problems } from '../problem';
import type { organViewResponse } from './schemas';
import type { OrganSessionDeps } from './session';

export type OrganDeps = OrganSessionDeps & ActDeps & EvidenceDeps;

export const TAG = { tag: '行政机关在线办理', auth: 'public' } as const;
export const SESSION_NOTE = '凭验证码进入后的会话（Cookie duban_organ，仅限该份检察建议）';

/** Sends an organ's action to its case's workflow; the case is the link's, whatever the procuratorate. */
export async function act<N extends ActionName>(
  deps: OrganDeps,
  access: OrganAccessRow,
  actor: Actor,
  name: N,
  payload: Payloads[N],
  key?: string,
) {
  const row = await findCaseInScope(deps.db, access.case_id, access.procuratorate_id);
  if (!row) throw problems.notFound('案件不存在');
  return sendCaseAction(deps, { row, procuratorateId: access.procuratorate_id, actor }, name, payload, key);
}

export async function viewOf(
  deps: OrganDeps,
  access: OrganAccessRow,
): Promise<z.infer<typeof organViewResponse>> {
  const rec = (await recommendationsOf(deps.db, access.case_id)).find(
    (r) => r.recommendation_id === access.recommendation_id,
  );
  const reply = await organReplyOf(deps.db, {
    caseId: access.case_id,
    recommendationId: access.recommendation_id,
    organId: access.organ_id,
  });
  return {
    caseTitle: access.case_title,
    organName: access.organ_name,
    recommendationId: access.recommendation_id,
    receivedOn: rec?.received_on ?? null,
    replyDue: rec?.reply_due ?? null,
    ...reply,
  };
}
