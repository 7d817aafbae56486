/**
 * What registers a lead as a case, in one place: the API's registration body and the case
 * workflow's input are both built from these fields, so a workflow started by any client is held
 * to what the API would accept.
 */
import { z } from 'zod';
import { ROLES } from '../roles';
import { civilDate, identifier, text } from '../text';
import { LEAD_SOURCES, TRACKS } from './stages';

/** The lead as a member of staff describes it. */
export const leadFields = {
  title: text('线索名称', 200),
  description: text('线索内容', 10_000),
  track: z.enum(TRACKS).describe('办案类型：administrative 行政，civil 民事'),
  domainCode: text('领域代码', 64),
  source: z.enum(Object.keys(LEAD_SOURCES) as [keyof typeof LEAD_SOURCES]).describe('线索来源'),
  sourceDetail: text('来源说明，如移送单位', 500).optional(),
  receivedOn: civilDate.describe('收到线索的日期'),
  externalRef: text('外部编号（如移送函文号），同一院内唯一', 200).optional(),
  transferFrom: z
    .strictObject({
      unit: text('移送单位', 200),
      letterRef: text('移送函文号', 200).optional(),
      sentOn: civilDate.describe('移送日期（移送函落款日期）'),
    })
    .optional()
    .describe('移送来的线索：移送单位、文号与日期'),
  majorLeadReason: text(
    '重大线索的理由；填写即认定为重大线索，须报上一级检察院（规则第二十五条）',
    2000,
  ).optional(),
};

const actor = z.object({
  userId: identifier('登记人'),
  roles: z.array(z.enum(ROLES)),
  procuratorateId: identifier('登记人所在院'),
});

/**
 * The case workflow's input: the lead plus what the API adds (case number, procuratorate,
 * handler, who registered it). The description is left out of continued runs, so it is optional
 * here. Unknown keys are let through: they are never read.
 */
export const caseRunInput = z.object({
  ...leadFields,
  caseId: identifier('案件编号'),
  procuratorateId: identifier('检察院'),
  handlerId: identifier('承办人'),
  description: leadFields.description.optional(),
  createdBy: actor,
});

/** The first field of `input` that a registration may not carry, with why; undefined when valid. */
export function registrationProblem(input: unknown): string | undefined {
  const parsed = caseRunInput.safeParse(input);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  return field ? `${field}：${issue.message}` : issue.message;
}
