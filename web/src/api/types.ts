/** The shapes the UI reads: the API's own schemas (domain/) where they exist, type-only. */

import type {
  CaseAlertView,
  CaseDetailView,
  CaseView,
  ClockView,
  EscalationView,
  OrganView,
  ProposalView,
  RecommendationView as RecommendationResponse,
} from '../../../domain/case/responses';

export type CaseSummary = CaseView;
export type Clock = ClockView;
export type RecommendationView = RecommendationResponse;
export type Proposal = ProposalView;
export type Escalation = EscalationView;
export type CaseDetail = CaseDetailView;
export type CaseAlert = CaseAlertView;

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

export type Organ = OrganView;

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
