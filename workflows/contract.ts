/**
 * The wire contract between the API, the worker and the case workflow: IDs, message
 * definitions and the types they carry. Pure: imported by every process and the workflow.
 * Renaming anything here is a versioning event.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Role } from '../domain/roles';
import type { LeadSource, Stage, Track } from '../domain/case/stages';

export const DEFAULT_TASK_QUEUE = 'duban-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** Who asks for something: every action carries its actor. */
export interface Actor {
  userId: string;
  roles: Role[];
  procuratorateId: string;
}

/** A civil date in Asia/Shanghai, YYYY-MM-DD. */
export type CivilDate = string;

export interface NewCaseInput {
  caseId: string;
  procuratorateId: string;
  title: string;
  description: string;
  track: Track;
  domainCode: string;
  source: LeadSource;
  sourceDetail?: string;
  receivedOn: CivilDate;
  handlerId: string;
  externalRef?: string;
  createdBy: Actor;
}

export interface CaseSummary {
  caseId: string;
  procuratorateId: string;
  title: string;
  stage: Stage;
  track: Track;
  domainCode: string;
  handlerId: string;
}

/** Business failure types thrown by validators and handlers; the API maps them to HTTP. */
export const CaseErrors = {
  WrongStage: 'WrongStage',
  Forbidden: 'Forbidden',
  InvalidPayload: 'InvalidPayload',
  Conflict: 'Conflict',
} as const;
export type CaseErrorType = (typeof CaseErrors)[keyof typeof CaseErrors];

export const awaitRegistrationUpdate = defineUpdate<CaseSummary>('awaitRegistration');
export const caseSummaryQuery = defineQuery<CaseSummary>('caseSummary');

/** Sent when the holiday schedule or a clock policy changed: the case recomputes its open clocks. */
export interface RecomputeClocksRequest {
  reason: string;
  /** The schedule/policy/catalogue versions that triggered it, for the timeline. */
  versions: { schedule?: string; policy?: string; catalogue?: string };
  actorId: string;
}
export const recomputeClocksSignal = defineSignal<[RecomputeClocksRequest]>('recomputeClocks');
