/** The inbox of one person: the reads their role needs, turned into items, most urgent first. */
import type { Principal } from '../auth/tokens';
import type { DecisionKind } from '../../domain/case/model';
import { ACTIONS } from '../../domain/case/actions';
import { addDays } from '../../domain/period/dates';
import {
  byUrgency,
  CLOCK_HORIZON_DAYS,
  inboxKindsOf,
  proposalStepFor,
  type InboxKind,
} from '../../domain/inbox/waiting';
import { delegationsTo } from '../../store/decision-policy';
import * as reads from '../../store/inbox';
import { unacknowledgedFilings } from '../../store/oversight';
import type { Db } from '../../store/pool';

export interface InboxItem {
  kind: InboxKind;
  caseId: string | null;
  leadId: string | null;
  title: string;
  action: string;
  detail: string | null;
  date: string;
  overdue: boolean;
  link: string | null;
  /** Where to POST that the item was seen (a 备案 filed from below). */
  acknowledge?: string;
}

const DECIDE: Record<DecisionKind, keyof typeof ACTIONS> = {
  filing: 'decideFiling',
  recommendation: 'decideRecommendation',
  litigation: 'decideLitigation',
  claim_change: 'decideClaimChange',
};

const ALERT_LABELS: Record<string, string> = {
  action_refused: '操作未生效',
  alarm_not_recorded: '提醒或期限事件未能记入时间线',
  mail_not_sent: '邮件未能发送',
};

const caseLink = (id: string) => `/cases/${encodeURIComponent(id)}`;

export async function gatherInbox(db: Db, principal: Principal, today: string): Promise<InboxItem[]> {
  const kinds = inboxKindsOf(principal.roles);
  const scope = principal.procuratorateId;
  const parts = await Promise.all([
    kinds.has('proposal') ? proposals(db, principal) : [],
    kinds.has('escalation') ? escalations(db, scope) : [],
    kinds.has('clock_due') ? clocks(db, principal, today) : [],
    kinds.has('alert') ? alerts(db, scope) : [],
    kinds.has('public_lead') ? leads(db, scope) : [],
    kinds.has('handed_over') ? handovers(db, principal) : [],
    kinds.has('filed_above') ? filings(db, scope) : [],
  ]);
  return parts
    .flat()
    .map((item) => ({
      item,
      entry: { kind: item.kind, date: item.date, key: `${item.caseId ?? item.leadId}` },
    }))
    .sort((a, b) => byUrgency(a.entry, b.entry))
    .map(({ item }) => item);
}

async function proposals(db: Db, principal: Principal): Promise<InboxItem[]> {
  const rows = await reads.pendingProposals(db, principal.procuratorateId);
  if (rows.length === 0) return [];
  const delegated = (await delegationsTo(db, principal.procuratorateId, principal.userId)).map(
    (d) => d.kind as DecisionKind,
  );
  const person = { userId: principal.userId, roles: principal.roles, delegated };
  return rows.flatMap((r) => {
    const proposal = { ...r.proposal, kind: r.proposal.kind as DecisionKind };
    const step = proposalStepFor(proposal, person);
    if (step === null) return [];
    const item: InboxItem = {
      kind: 'proposal',
      caseId: r.case_id,
      leadId: null,
      title: r.title,
      action: step === 'review' ? ACTIONS.reviewProposal.label : ACTIONS[DECIDE[proposal.kind]].label,
      detail: `${proposal.proposedOn} 提请`,
      date: proposal.proposedOn,
      overdue: false,
      link: caseLink(r.case_id),
    };
    return [item];
  });
}

async function escalations(db: Db, scope: string): Promise<InboxItem[]> {
  return (await reads.pendingEscalations(db, scope)).map((r) => ({
    kind: 'escalation',
    caseId: r.case_id,
    leadId: null,
    title: r.title,
    action: ACTIONS.confirmEscalation.label,
    detail: `${r.pending} 项督促措施建议待确认`,
    date: r.since,
    overdue: false,
    link: caseLink(r.case_id),
  }));
}

async function clocks(db: Db, principal: Principal, today: string): Promise<InboxItem[]> {
  const until = addDays(today, CLOCK_HORIZON_DAYS);
  const rows = await reads.dueClocksOfHandler(db, {
    procuratorateId: principal.procuratorateId,
    handlerId: principal.userId,
    until,
  });
  return rows.map((r) => {
    const overdue = r.due < today;
    return {
      kind: overdue ? 'clock_overdue' : 'clock_due',
      caseId: r.case_id,
      leadId: null,
      title: r.title,
      action: overdue ? `${r.name}已逾期` : `${r.name}即将届满`,
      detail: `届满日 ${r.due}${r.provisional ? '（暂定）' : ''}`,
      date: r.due,
      overdue,
      link: caseLink(r.case_id),
    };
  });
}

async function alerts(db: Db, scope: string): Promise<InboxItem[]> {
  return (await reads.openAlerts(db, scope)).map((r) => ({
    kind: 'alert',
    caseId: r.case_id,
    leadId: null,
    title: r.title,
    action: ACTIONS.acknowledgeAlert.label,
    detail: ALERT_LABELS[r.kind] ?? r.kind,
    date: r.at,
    overdue: false,
    link: caseLink(r.case_id),
  }));
}

async function leads(db: Db, scope: string): Promise<InboxItem[]> {
  return (await reads.untriagedLeads(db, scope)).map((r) => ({
    kind: 'public_lead',
    caseId: null,
    leadId: r.id,
    title: r.excerpt,
    action: '评估群众线索（登记为案件或不予受理）',
    detail: `查询码 ${r.tracking_code}`,
    date: r.submitted_on,
    overdue: false,
    link: `/leads/${encodeURIComponent(r.id)}`,
  }));
}

async function handovers(db: Db, principal: Principal): Promise<InboxItem[]> {
  const rows = await reads.handoversTo(db, {
    procuratorateId: principal.procuratorateId,
    userId: principal.userId,
  });
  return rows.map((r) => ({
    kind: 'handed_over',
    caseId: r.case_id,
    leadId: null,
    title: r.title,
    action: '新交办的案件',
    detail: `${r.handed_on} 改由本人承办`,
    date: r.handed_on,
    overdue: false,
    link: caseLink(r.case_id),
  }));
}

const FILING_LABELS: Record<string, string> = {
  recordRecommendationFiledAbove: '检察建议报本院备案',
  recordSuspensionFiledAbove: '中止审查决定书报本院备案',
};

async function filings(db: Db, scope: string): Promise<InboxItem[]> {
  return (await unacknowledgedFilings(db, scope)).map((r) => ({
    kind: 'filed_above',
    caseId: r.case_id,
    leadId: null,
    title: r.title,
    action: `审阅${FILING_LABELS[r.kind] ?? '备案'}`,
    detail: `${r.procuratorate_name} ${r.filed_on} 备案（时间线第 ${r.seq} 条）`,
    date: r.filed_on,
    overdue: false,
    link: caseLink(r.case_id),
    acknowledge: `/api/oversight/filings/${encodeURIComponent(r.case_id)}/${r.seq}/acknowledge`,
  }));
}
