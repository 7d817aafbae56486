/**
 * What the API answers about a case, an action and an organ: one schema each, shared by the
 * API (its OpenAPI document) and the web app (type-only imports of the inferred types).
 */
import { z } from 'zod';
import { TRACKS } from './stages';
import {
  COMPENSATION_OUTCOMES,
  keysOf,
  PARTY_KINDS,
  RELATIVES_ANSWERS,
  SUPPORT_FORMS,
  SUPPORT_WITHDRAWAL_SITUATIONS,
  SUPPORTED_SUIT_RESULTS,
  TRANSFER_TARGETS,
} from './vocabulary';

const proposalResponse = z.object({
  kind: z.string(),
  proposedBy: z.string(),
  proposedOn: z.string(),
  reason: z.string(),
  recommendations: z
    .array(z.object({ organId: z.string(), urgent: z.boolean(), summary: z.string() }))
    .optional(),
  organIds: z.array(z.string()).optional(),
  review: z
    .object({
      status: z.enum(['pending', 'approved']).describe('pending 待部门负责人审核，approved 审核同意'),
      reviewedBy: z.string().optional(),
      reviewedOn: z.string().optional(),
    })
    .optional(),
});

const escalationResponse = z.object({
  clockKey: z.string(),
  step: z.string(),
  suggestedAt: z.string(),
  confirmedBy: z.string().optional(),
  confirmedOn: z.string().optional(),
});

export const caseResponse = z.object({
  id: z.string().describe('案件编号'),
  procuratorateId: z.string(),
  title: z.string(),
  track: z.enum(TRACKS),
  stage: z.string().describe('案件阶段'),
  domainCode: z.string(),
  source: z.string(),
  handlerId: z.string(),
  organIds: z.array(z.string()),
  externalRef: z.string().nullable(),
  nextDue: z.string().nullable().describe('最近的期限届满日'),
  nextDueClock: z.string().nullable(),
  nextDueProvisional: z.boolean(),
  overdue: z.boolean(),
  typical: z.boolean(),
  summary: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  alertCount: z.number().int().describe('案件上的告警数（操作被数据库拒绝、提醒未能记录等）'),
});

export const clockResponse = z.object({
  key: z.string(),
  clockId: z.string(),
  name: z.string(),
  basis: z.string().nullable(),
  recommendationId: z.string().nullable(),
  start: z.string(),
  due: z.string().nullable(),
  status: z.string(),
  provisional: z.boolean(),
  overdue: z.boolean(),
  paused: z
    .object({ kind: z.enum(['suspension', 'exclusion']), since: z.string(), label: z.string().nullable() })
    .nullable()
    .describe('期限停止计算的原因：中止审查，或鉴定等正在进行（鉴定中）'),
  explanation: z.array(z.object({ kind: z.string(), text: z.string() })),
  rule: z.unknown(),
  versions: z.object({ catalogue: z.string(), policy: z.string(), schedule: z.string() }),
});

export const recommendationResponse = z.object({
  id: z.string(),
  organId: z.string(),
  organName: z.string().nullable(),
  urgent: z.boolean(),
  status: z.string(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  replyDue: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedOnTime: z.boolean().nullable(),
  finding: z.string().nullable(),
  outcome: z.string().nullable(),
  rebounds: z.number(),
});

const majorLeadResponse = z.object({
  flaggedOn: z.string().describe('认定为重大线索的日期'),
  flaggedBy: z.string(),
  reason: z.string(),
  reportedOn: z.string().optional().describe('报上一级检察院的日期'),
  reportRef: z.string().nullable().optional().describe('报告文号'),
});

const alertResponse = z.object({
  at: z.string(),
  kind: z.enum(['action_refused', 'alarm_not_recorded', 'mail_not_sent']),
  subject: z.string().describe('相关的操作或提醒名称'),
  errorType: z.string().describe('失败类型，如 DataRejected、JournalUnavailable'),
});

export const caseDetailResponse = caseResponse.extend({
  description: z.string().nullable().describe('线索内容（登记时所写）'),
  sourceDetail: z.string().nullable().describe('来源说明，如移送单位'),
  transferFrom: z
    .object({ unit: z.string(), letterRef: z.string().optional(), sentOn: z.string() })
    .nullable()
    .describe('移送来的线索：移送单位、移送函文号、移送日期'),
  clocks: z.array(clockResponse),
  recommendations: z.array(recommendationResponse),
  proposal: proposalResponse.nullable().describe('待检察长决定的提请'),
  escalations: z.array(escalationResponse).describe('建议的督促措施'),
  alerts: z
    .array(alertResponse)
    .describe('案件告警：未生效的操作、未能记录的提醒或未能发送的邮件（最近 20 条）'),
  litigation: z.unknown().nullable(),
  transfers: z
    .array(
      z.object({
        id: z.string(),
        to: z.enum(keysOf(TRANSFER_TARGETS)),
        recipient: z.string(),
        transferredOn: z.string(),
        letterRef: z.string().nullable(),
      }),
    )
    .describe('本案的移送（纪检监察机关、其他人民检察院、行政机关）'),
  parties: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(keysOf(PARTY_KINDS)),
        identifier: z.string().describe('统一社会信用代码或身份证件号码'),
        recordedOn: z.string(),
      }),
    )
    .describe('民事公益诉讼的被告（法人、非法人组织或自然人）'),
  plaintiffSuits: z
    .array(
      z.object({
        plaintiff: z.string(),
        suedOn: z.string(),
        court: z.string().optional(),
        supports: z.array(
          z.object({ supportedOn: z.string(), forms: z.array(z.enum(keysOf(SUPPORT_FORMS))) }),
        ),
        result: z.enum(keysOf(SUPPORTED_SUIT_RESULTS)).optional(),
        endedOn: z.string().optional(),
      }),
    )
    .describe('适格主体提起的诉讼与支持起诉（《办案规则》第一百零一条）：起诉人、法院、支持方式、诉讼结果'),
  supportWithdrawal: z
    .object({
      situation: z.enum(keysOf(SUPPORT_WITHDRAWAL_SITUATIONS)),
      decidedOn: z.string(),
      deliveredOn: z.string().optional(),
    })
    .nullable()
    .describe(
      '撤回支持起诉（《办案规则》第一百零二条）：情形、决定日期、提交法院并发送原告的日期（未送达时缺省）',
    ),
  compensation: z
    .object({
      rightHolder: z.string(),
      notifiedOn: z.string(),
      outcome: z.enum(keysOf(COMPENSATION_OUTCOMES)).optional(),
      on: z.string().optional(),
    })
    .nullable()
    .describe('生态环境损害赔偿（《办案规则》第九十条第二项、第九十一条第二项）：赔偿权利人、告知日期、结果'),
  criminalCase: z
    .object({
      caseNumber: z.string(),
      court: z.string(),
      defendants: z.array(z.string()),
      linkedOn: z.string(),
      filedWithProsecutionOn: z.string().optional(),
    })
    .nullable()
    .describe('关联刑事案件（刑事附带民事公益诉讼）：案号、审理法院、被告人、随公诉一并提起的日期'),
  relativesInquiry: z
    .object({
      inquiredOn: z.string(),
      relatives: z.string(),
      answer: z.enum(keysOf(RELATIVES_ANSWERS)).optional(),
      answeredOn: z.string().optional(),
    })
    .nullable()
    .describe('征询英雄烈士等近亲属是否起诉（《办案规则》第九十二条）：征询日期、近亲属、答复'),
  noCloseRelatives: z
    .object({ recordedOn: z.string(), summary: z.string() })
    .nullable()
    .describe(
      '英雄烈士等没有近亲属（《办案规则》第九十二条）：登记日期、如何查明；无从征询，直接转入审查起诉',
    ),
  majorLead: majorLeadResponse.nullable().describe('重大线索（规则第二十五条）：认定与报上一级检察院'),
  availableActions: z.array(z.string()).describe('当前用户现在可办理的操作'),
  stuck: z
    .object({
      attempt: z.number().int(),
      since: z.string().nullable(),
      cause: z.string().nullable(),
      error: z.string().nullable(),
    })
    .nullable()
    .describe('办案流程的处理任务反复失败、案件无法推进时：尝试次数、起始时间与流程引擎记录的错误'),
});

export const actionResponse = z.object({
  result: z.object({
    caseId: z.string(),
    action: z.string(),
    stage: z.string(),
    seq: z.number(),
    clocks: z.array(
      z.object({ key: z.string(), status: z.string(), due: z.string().nullable(), provisional: z.boolean() }),
    ),
  }),
  case: caseResponse,
});

export const organResponse = z.object({
  id: z.string(),
  procuratorateId: z.string(),
  name: z.string(),
  kind: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable().describe('联系人'),
  phone: z.string().nullable().describe('联系电话'),
  active: z.boolean().describe('false：已停用（撤销或合并），不再作为新的检察建议的对象'),
  deactivatedAt: z.string().nullable().describe('停用时间（ISO 8601）'),
  createdAt: z.string().describe('时间（ISO 8601）'),
});

export type CaseView = z.infer<typeof caseResponse>;
export type ClockView = z.infer<typeof clockResponse>;
export type RecommendationView = z.infer<typeof recommendationResponse>;
export type ProposalView = z.infer<typeof proposalResponse>;
export type EscalationView = z.infer<typeof escalationResponse>;
export type MajorLeadView = z.infer<typeof majorLeadResponse>;
export type CaseAlertView = z.infer<typeof alertResponse>;
export type CaseDetailView = z.infer<typeof caseDetailResponse>;
export type ActionResponse = z.infer<typeof actionResponse>;

/** 202: the case is numbered and its workflow started, which has not recorded it within the deadline. */
export const pendingCaseResponse = z.object({
  status: z.literal('pending'),
  caseId: z.string(),
  detail: z.string(),
});

/** 202: the command is with the case workflow, which has not finished it within the deadline. */
export const pendingActionResponse = z.object({
  status: z.literal('pending'),
  caseId: z.string(),
  actionId: z.string(),
  detail: z.string(),
});
export type OrganView = z.infer<typeof organResponse>;
