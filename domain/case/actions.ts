/**
 * Every staff action on a case: its label, who may take it, and its rule. The workflow's
 * validators and handlers both go through `runAction`, so what is refused never reaches history.
 */
import { CASE_ACTING_ROLES, hasAnyRole, type Role } from '../roles';
import type { Actor, CaseState, DecisionKind } from './model';
import { ACTION_SCHEMAS, type ActionName, type Payloads } from './payloads';
import {
  acknowledgeAlert,
  addNote,
  confirmEscalation,
  markTypical,
  proposeEscalation,
  reassign,
} from './rules/admin';
import { attachEvidence } from './rules/evidence';
import {
  publishAnnouncement,
  recordAnnouncementOutcome,
  recordPlaintiffSuit,
  recordSupport,
  recordSupportConcluded,
} from './rules/civil';
import * as organ from './rules/organ';
import { endAppraisal, startAppraisal } from './rules/appraisal';
import * as claims from './rules/claims';
import { recordCompensationOutcome, recordRightHolderNotified } from './rules/eco-compensation';
import { addExcludedDays, extendDeadline, requireNotFinal } from './rules/clocks';
import { dateExtension } from './rules/extension-date';
import { recordRevisit, recordSuspensionFiledAbove, resume, suspend, terminate } from './rules/closure';
import { forbidden, invalid, Rejection, type Effects, type RuleContext } from './rules/common';
import {
  decideFiling,
  proposeFiling,
  recordConsultation,
  recordFilingService,
  recordInvestigation,
  startEvaluation,
} from './rules/intake';
import * as lit from './rules/litigation';
import { reviewProposal } from './rules/proposals';
import { flagMajorLead, recordMajorLeadReported } from './rules/major-lead';
import { recordCivilParty } from './rules/parties';
import { linkCriminalCase, recordIncidentalSuitFiled } from './rules/criminal-incidental';
import { inquireRelatives, recordNoCloseRelatives, recordRelativesAnswer } from './rules/heroes';
import { recordTransferOut } from './rules/transfers';
import * as rec from './rules/recommendation';

/**
 * handler: the handling prosecutor, or a head; decision: the chief, or a head the chief delegated
 * the decision to; chief: the chief alone; head: a head alone (reviewing proposals); supervisor: a
 * head or the chief; staff: any of them;
 * overseer: any of them or the case office (which watches every case's alerts); organ: the
 * administrative organ online, on its own recommendation; contributor: staff or that organ.
 */
type Who =
  'handler' | 'decision' | 'chief' | 'head' | 'supervisor' | 'staff' | 'overseer' | 'organ' | 'contributor';

interface ActionDef<N extends ActionName> {
  label: string;
  who: Who;
  decision?: DecisionKind;
  apply: (state: CaseState, payload: Payloads[N], ctx: RuleContext) => Effects;
}

export const ACTIONS: { [N in ActionName]: ActionDef<N> } = {
  startEvaluation: { label: '开始线索评估', who: 'handler', apply: startEvaluation },
  proposeFiling: { label: '提请立案', who: 'handler', apply: proposeFiling },
  flagMajorLead: { label: '认定为重大线索', who: 'handler', apply: flagMajorLead },
  recordMajorLeadReported: {
    label: '登记重大线索报上级院',
    who: 'handler',
    apply: recordMajorLeadReported,
  },
  reviewProposal: { label: '部门负责人审核提请', who: 'head', apply: reviewProposal },
  decideFiling: { label: '决定立案', who: 'decision', decision: 'filing', apply: decideFiling },
  recordFilingService: { label: '登记立案决定书送达', who: 'handler', apply: recordFilingService },
  recordInvestigation: { label: '登记调查', who: 'handler', apply: recordInvestigation },
  recordConsultation: { label: '登记磋商', who: 'handler', apply: recordConsultation },
  proposeRecommendation: { label: '提请发出检察建议', who: 'handler', apply: rec.proposeRecommendation },
  decideRecommendation: {
    label: '决定发出检察建议',
    who: 'decision',
    decision: 'recommendation',
    apply: rec.decideRecommendation,
  },
  recordRecommendationService: {
    label: '登记检察建议书送达',
    who: 'handler',
    apply: rec.recordRecommendationService,
  },
  recordRecommendationFiledAbove: {
    label: '登记向上级院备案',
    who: 'handler',
    apply: rec.recordRecommendationFiledAbove,
  },
  recordReply: { label: '登记行政机关回复', who: 'handler', apply: rec.recordReply },
  recordFinding: { label: '登记跟进调查认定', who: 'handler', apply: rec.recordFinding },
  proposeLitigation: { label: '提请提起诉讼', who: 'handler', apply: lit.proposeLitigation },
  decideLitigation: {
    label: '决定提起诉讼',
    who: 'decision',
    decision: 'litigation',
    apply: lit.decideLitigation,
  },
  recordCourtFiling: { label: '登记起诉', who: 'handler', apply: lit.recordCourtFiling },
  recordComplaintReportedAbove: {
    label: '登记起诉书报送上级院',
    who: 'handler',
    apply: lit.recordComplaintReportedAbove,
  },
  recordJudgment: { label: '登记裁判', who: 'handler', apply: lit.recordJudgment },
  recordAppeal: { label: '登记上诉', who: 'handler', apply: lit.recordAppeal },
  recordAppealCopyReceived: {
    label: '登记收到被告上诉状副本',
    who: 'handler',
    apply: lit.recordAppealCopyReceived,
  },
  recordAppealReportedAbove: {
    label: '登记被告上诉报上级院',
    who: 'handler',
    apply: lit.recordAppealReportedAbove,
  },
  proposeClaimChange: {
    label: '提请撤回起诉或变更诉讼请求',
    who: 'handler',
    apply: claims.proposeClaimChange,
  },
  decideClaimChange: {
    label: '决定撤回起诉或变更诉讼请求',
    who: 'chief',
    decision: 'claim_change',
    apply: claims.decideClaimChange,
  },
  recordClaimChangeFiled: {
    label: '登记决定书提交人民法院',
    who: 'handler',
    apply: claims.recordClaimChangeFiled,
  },
  recordEnforcement: { label: '登记执行完毕', who: 'handler', apply: lit.recordEnforcement },
  recordRevisit: { label: '登记回头看', who: 'handler', apply: recordRevisit },
  terminate: { label: '终结审查', who: 'chief', apply: terminate },
  suspend: { label: '中止审查', who: 'chief', apply: suspend },
  resume: { label: '恢复审查', who: 'chief', apply: resume },
  recordSuspensionFiledAbove: {
    label: '登记中止审查决定书报上级院备案',
    who: 'handler',
    apply: recordSuspensionFiledAbove,
  },
  extendDeadline: { label: '延长期限', who: 'staff', apply: extendDeadline },
  dateExtension: { label: '补记延长决定日期', who: 'chief', apply: dateExtension },
  addExcludedDays: { label: '扣除鉴定等期间', who: 'handler', apply: addExcludedDays },
  startAppraisal: { label: '鉴定等开始（期限暂停计算）', who: 'handler', apply: startAppraisal },
  endAppraisal: { label: '鉴定等结束（期限恢复计算）', who: 'handler', apply: endAppraisal },
  recordTransferOut: { label: '登记移送', who: 'handler', apply: recordTransferOut },
  reassign: { label: '更换承办人', who: 'supervisor', apply: reassign },
  addNote: { label: '添加备注', who: 'staff', apply: addNote },
  attachEvidence: { label: '添加证据材料', who: 'contributor', apply: attachEvidence },
  recordOrganAccess: { label: '行政机关在线访问', who: 'organ', apply: organ.recordOrganAccess },
  confirmReceiptOnline: { label: '行政机关在线确认签收', who: 'organ', apply: organ.confirmReceiptOnline },
  answerRecommendationItems: {
    label: '行政机关逐项答复',
    who: 'organ',
    apply: organ.answerRecommendationItems,
  },
  reportRectificationProgress: {
    label: '行政机关报送整改进展',
    who: 'organ',
    apply: organ.reportRectificationProgress,
  },
  requestRectificationExtension: {
    label: '行政机关申请延长整改期限',
    who: 'organ',
    apply: organ.requestRectificationExtension,
  },
  decideRectificationExtension: {
    label: '决定是否准予延长整改期限',
    who: 'handler',
    apply: organ.decideRectificationExtension,
  },
  markTypical: { label: '标记典型案例', who: 'supervisor', apply: markTypical },
  proposeEscalation: { label: '提请检察长决定督促措施', who: 'head', apply: proposeEscalation },
  confirmEscalation: { label: '确认督促措施', who: 'supervisor', apply: confirmEscalation },
  publishAnnouncement: { label: '发布诉前公告', who: 'handler', apply: publishAnnouncement },
  recordAnnouncementOutcome: { label: '登记公告结果', who: 'handler', apply: recordAnnouncementOutcome },
  recordSupportConcluded: { label: '登记支持起诉结束', who: 'handler', apply: recordSupportConcluded },
  recordCivilParty: { label: '登记民事公益诉讼被告', who: 'handler', apply: recordCivilParty },
  recordSupport: { label: '登记支持起诉（第一百零一条）', who: 'handler', apply: recordSupport },
  recordPlaintiffSuit: {
    label: '登记适格主体起诉（第九十条第四项）',
    who: 'handler',
    apply: recordPlaintiffSuit,
  },
  withdrawSupport: { label: '撤回支持起诉', who: 'chief', apply: claims.withdrawSupport },
  recordSupportWithdrawalDelivered: {
    label: '登记撤回支持起诉决定书提交法院并发送原告',
    who: 'handler',
    apply: claims.recordSupportWithdrawalDelivered,
  },
  recordRightHolderNotified: {
    label: '登记告知赔偿权利人启动生态环境损害赔偿程序',
    who: 'handler',
    apply: recordRightHolderNotified,
  },
  recordCompensationOutcome: {
    label: '登记生态环境损害赔偿结果',
    who: 'handler',
    apply: recordCompensationOutcome,
  },
  linkCriminalCase: {
    label: '登记关联刑事案件（刑事附带民事公益诉讼）',
    who: 'handler',
    apply: linkCriminalCase,
  },
  recordIncidentalSuitFiled: {
    label: '登记随公诉一并提起附带民事公益诉讼',
    who: 'handler',
    apply: recordIncidentalSuitFiled,
  },
  inquireRelatives: {
    label: '征询英雄烈士等近亲属意见（第九十二条）',
    who: 'handler',
    apply: inquireRelatives,
  },
  recordNoCloseRelatives: {
    label: '登记英雄烈士等没有近亲属（第九十二条）',
    who: 'handler',
    apply: recordNoCloseRelatives,
  },
  recordRelativesAnswer: { label: '登记近亲属意见', who: 'handler', apply: recordRelativesAnswer },
  acknowledgeAlert: { label: '确认告警', who: 'overseer', apply: acknowledgeAlert },
};

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/**
 * Actions the API takes itself, from another route (the evidence upload sends `attachEvidence`
 * once the bytes are stored; the organ's page sends the organ's): neither an `/actions/…` route
 * nor a form on the case page.
 */
export const INTERNAL_ACTIONS = [
  'attachEvidence',
  'recordOrganAccess',
  'confirmReceiptOnline',
  'answerRecommendationItems',
  'reportRectificationProgress',
  'requestRectificationExtension',
] as const;
export type FormActionName = Exclude<ActionName, (typeof INTERNAL_ACTIONS)[number]>;
export const FORM_ACTION_NAMES = ACTION_NAMES.filter(
  (name): name is FormActionName => !(INTERNAL_ACTIONS as readonly string[]).includes(name),
);
/** Actions a case in any stage, ended or not, still takes. */
const EVER_OPEN: ReadonlySet<ActionName> = new Set<ActionName>(['addNote', 'markTypical', 'attachEvidence']);

/** The roles that may send an action through the API at all; the rule then checks the case. */
export function actionRoles(name: ActionName): readonly Role[] {
  return ACTIONS[name].who === 'overseer' ? [...CASE_ACTING_ROLES, 'case_office'] : CASE_ACTING_ROLES;
}

/** Throws a Forbidden rejection unless `actor` may take `name` on this case. */
export function authorize(state: CaseState, name: ActionName, actor: Actor): void {
  if (actor.procuratorateId !== state.info.procuratorateId) throw forbidden('不能办理其他检察院的案件');
  if (holdsRoleFor(state, name, actor)) return;
  const def = ACTIONS[name];
  throw forbidden(`「${def.label}」须由${NEEDED[def.who]}办理`);
}

/** Whether `actor` holds a role that may take `name` on this case (its procuratorate aside). */
function holdsRoleFor(state: CaseState, name: ActionName, actor: Actor): boolean {
  const def = ACTIONS[name];
  // An organ's actor holds no role, so it can take no staff action, and staff no organ's one.
  const isOrgan = actor.organ !== undefined && actor.roles.length === 0;
  const roles = isOrgan ? [] : actor.roles;
  const isHandler = hasAnyRole(roles, ['prosecutor']) && actor.userId === state.handlerId;
  const isHead = hasAnyRole(roles, ['head']);
  const isChief = hasAnyRole(roles, ['chief']);
  const allowed: Record<Who, boolean> = {
    handler: isHandler || isHead,
    decision:
      isChief || (isHead && def.decision !== undefined && (actor.delegated ?? []).includes(def.decision)),
    chief: isChief,
    head: isHead,
    supervisor: isHead || isChief,
    staff: isHandler || isHead || isChief,
    overseer: isHandler || isHead || isChief || hasAnyRole(roles, ['case_office']),
    organ: isOrgan,
    contributor: isOrgan || isHandler || isHead || isChief,
  };
  return allowed[def.who];
}

/** Who may take an action, as a refusal names them. */
const NEEDED: Record<Who, string> = {
  handler: '本案承办检察官或部门负责人',
  decision: '检察长（或经授权的部门负责人）',
  chief: '检察长',
  head: '部门负责人',
  supervisor: '部门负责人或检察长',
  staff: '本案承办检察官、部门负责人或检察长',
  overseer: '本案承办检察官、部门负责人、检察长或案件管理部门',
  organ: '被建议的行政机关（凭检察建议书链接和验证码）',
  contributor: '本案承办检察官、部门负责人、检察长或被建议的行政机关',
};

/** The payload parsed with its action's schema; refused as InvalidPayload naming the first field at fault. */
export function parsePayload(name: ActionName, raw: unknown): Payloads[ActionName] {
  const parsed = ACTION_SCHEMAS[name].safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const message =
    issue.code === 'unrecognized_keys' ? `不允许的字段：${issue.keys.join('、')}` : issue.message;
  throw invalid(field ? `${field}：${message}` : message);
}

/**
 * Checks and applies one action to `state` (mutating it). Throws a Rejection when refused. The
 * payload has been parsed with the action's schema, so an error other than a Rejection is a bug.
 */
export function runAction<N extends ActionName>(
  state: CaseState,
  name: N,
  payload: Payloads[N],
  ctx: RuleContext,
): Effects {
  authorize(state, name, ctx.actor);
  if (!EVER_OPEN.has(name)) requireNotFinal(state, ACTIONS[name].label);
  return ACTIONS[name].apply(state, payload, ctx);
}

/** Thrown by the dry run's payload the moment a rule reads it: every precondition has held. */
class PayloadNeeded extends Error {}
/** One for every dry run: it only says that the rule got as far as its payload. */
const PAYLOAD_NEEDED = new PayloadNeeded();

const PROBE = new Proxy(
  {},
  {
    get() {
      throw PAYLOAD_NEEDED;
    },
  },
);

/**
 * The actions `actor` may take on the case now, for the UI. Each rule checks the case (stage, role,
 * what is pending) before it reads its payload, so a dry run on a copy of the state with a payload
 * that cannot be read tells: refused before the payload is read means not available now.
 */
export function availableActions(state: CaseState, actor: Actor, today: string): ActionName[] {
  // Rules check before they change anything, so all of them run on one frozen copy; a rule that
  // changes the state before reading its payload fails there and runs again on a copy of its own.
  const shared = deepFreeze(structuredCopy(state));
  const dryRun = (name: FormActionName, on: CaseState): boolean => {
    try {
      runAction(on, name, PROBE as Payloads[typeof name], { actor, today });
      return true;
    } catch (err) {
      if (err instanceof PayloadNeeded) return true;
      if (err instanceof Rejection) return false;
      if (on === shared) return dryRun(name, structuredCopy(state));
      throw err;
    }
  };
  // What the actor's roles rule out is refused before any rule runs, as authorize would refuse it.
  const own = actor.procuratorateId === state.info.procuratorateId;
  const candidates = own ? FORM_ACTION_NAMES.filter((name) => holdsRoleFor(state, name, actor)) : [];
  // The dry runs' refusals are answers, not failures: capturing their stacks cost more than the rules.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return candidates.filter((name) => dryRun(name, shared));
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A deep copy of plain data (case state is JSON: it travels through Temporal as such). */
export function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const PERSONAL = new Set<ActionName>([
  'terminate',
  'suspend',
  'resume',
  'extendDeadline',
  'decideClaimChange',
  'withdrawSupport',
]);

/**
 * Decisions a person takes signed in, never through an integration token: filing, the
 * recommendation and suing (also under delegation), ending, suspending and resuming a review,
 * and extending a period.
 */
export function isPersonalDecision(name: ActionName): boolean {
  return ACTIONS[name].who === 'decision' || PERSONAL.has(name);
}
