/** The shapes the UI reads, as the API's OpenAPI document describes them. */

export interface CaseSummary {
  id: string;
  procuratorateId: string;
  title: string;
  track: 'administrative' | 'civil';
  stage: string;
  domainCode: string;
  source: string;
  handlerId: string;
  organIds: string[];
  externalRef: string | null;
  nextDue: string | null;
  nextDueClock: string | null;
  nextDueProvisional: boolean;
  overdue: boolean;
  typical: boolean;
  summary: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  alertCount: number;
}

export interface CaseAlert {
  at: string;
  kind: 'action_refused' | 'alarm_not_recorded' | 'mail_not_sent';
  subject: string;
  errorType: string;
}

export interface Clock {
  key: string;
  clockId: string;
  name: string;
  basis: string | null;
  recommendationId: string | null;
  start: string;
  due: string | null;
  status: string;
  provisional: boolean;
  overdue: boolean;
  explanation: { kind: string; text: string }[];
  rule: unknown;
  versions: { catalogue: string; policy: string; schedule: string };
}

export interface RecommendationView {
  id: string;
  organId: string;
  organName: string | null;
  urgent: boolean;
  status: string;
  decidedOn: string | null;
  servedOn: string | null;
  receivedOn: string | null;
  replyDue: string | null;
  repliedOn: string | null;
  repliedOnTime: boolean | null;
  finding: string | null;
  outcome: string | null;
  rebounds: number;
}

export interface Proposal {
  kind: string;
  proposedBy: string;
  proposedOn: string;
  reason: string;
  recommendations?: { organId: string; urgent: boolean; summary: string }[];
  organIds?: string[];
}

export interface Escalation {
  clockKey: string;
  step: string;
  suggestedAt: string;
  confirmedBy?: string;
  confirmedOn?: string;
}

export interface CaseDetail extends CaseSummary {
  clocks: Clock[];
  recommendations: RecommendationView[];
  proposal: Proposal | null;
  escalations: Escalation[];
  alerts: CaseAlert[];
  litigation: unknown;
  availableActions: string[];
}

export interface TimelineEntry {
  seq: number;
  at: string;
  actorId: string;
  kind: string;
  stage: string;
  data: Record<string, unknown> | null;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export interface Timeline {
  caseId: string;
  chain: { ok: boolean; entries: number; broken?: { seq: number; reason: string } };
  entries: TimelineEntry[];
}

export interface Organ {
  id: string;
  procuratorateId: string;
  name: string;
  kind: string;
  email: string | null;
  address: string | null;
  createdAt: string;
}

export interface OrganRecord {
  organId: string;
  name: string;
  recommendations: number;
  served: number;
  repliedOnTime: number;
  repliedLate: number;
  noReply: number;
  rectified: number;
  nonPerformance: number;
  rebounds: number;
  litigatedCases: number;
  onTimeReplyRate: number | null;
  rectificationRate: number | null;
  repeatOffender: boolean;
}

export interface Named {
  id: string;
  name: string;
}

/** One version of a domain (领域); GET /api/domains gives the version in force today. */
export interface Domain {
  code: string;
  version: number;
  name: string;
  basis: string | null;
  statutory: boolean;
  allowsAdministrative: boolean;
  allowsCivil: boolean;
  minLevel: 'district' | 'city';
  inForceFrom: string;
  createdBy: string | null;
  createdAt: string;
}

export interface AdminDomain {
  code: string;
  current: Domain | null;
  upcoming: Domain | null;
  versions: Domain[];
}

/** A colleague as GET /api/users/directory names them. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

/** A running deadline of the procuratorate (GET /api/deadlines/open). */
export interface OpenDeadline {
  caseId: string;
  title: string;
  stage: string;
  clockKey: string;
  clockId: string;
  name: string;
  due: string;
  provisional: boolean;
  overdue: boolean;
  recommendationId: string | null;
}

/** The stored holiday schedule of a year (GET /api/calendar/holidays). */
export interface YearHolidays {
  year: number;
  version: string | null;
  source: 'chinese-days' | 'import' | null;
  holidays: { date: string; name: string }[];
  makeupWorkdays: { date: string; name: string }[];
  missing: boolean;
}
