/**
 * The wire contract between the API, the worker and the case workflow: IDs, message
 * definitions and the types they carry. Pure: imported by every process and the workflow.
 * Renaming anything here is a versioning event.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { ACTION_NAMES } from '../domain/case/actions';
import type { Actor, CaseState } from '../domain/case/model';
import type { ActionName, Payloads } from '../domain/case/payloads';
import type { LeadSource, Stage, Track } from '../domain/case/stages';

export type { Actor } from '../domain/case/model';
export type { ActionName, Payloads } from '../domain/case/payloads';

export const DEFAULT_TASK_QUEUE = 'duban-cases';
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** A civil date in Asia/Shanghai, YYYY-MM-DD. */
export type CivilDate = string;

export interface IncomingTransfer {
  /** The sending unit (移送单位). */
  unit: string;
  /** The transfer letter's number (移送函文号). */
  letterRef?: string;
  sentOn: CivilDate;
}

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
  /**
   * Where a transferred lead came from. Kept with the creation record for the case page and the
   * registration entry; the workflow does not read it.
   */
  transferFrom?: IncomingTransfer;
  /** Set when the lead is flagged as major (重大线索) at registration: why. */
  majorLeadReason?: string;
  createdBy: Actor;
}

/**
 * What a case's workflow runs on: the new case without its description, which only the first run
 * receives (the database keeps it) and continue-as-new does not carry.
 */
export type CaseRunInput = Omit<NewCaseInput, 'description'> & { description?: string };

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
  /** The database refused what an action would have recorded (e.g. a character it cannot store). */
  DataRejected: 'DataRejected',
  /** The timeline could not be written within the retry bound (database down too long). */
  JournalUnavailable: 'JournalUnavailable',
  /** Mail the mail server did not take within the retry bound; it stays in the outbox. */
  MailUndelivered: 'MailUndelivered',
} as const;
export type CaseErrorType = (typeof CaseErrors)[keyof typeof CaseErrors];

/** Every staff action carries its actor and an idempotency key; repeating a key returns the first result. */
export interface ActionEnvelope<P> {
  actor: Actor;
  idempotencyKey: string;
  payload: P;
}

export interface ActionResult {
  caseId: string;
  action: ActionName;
  stage: Stage;
  /** Sequence number of the action's timeline entry. */
  seq: number;
  /** The clocks the action started, recomputed, met or stopped. */
  clocks: { key: string; status: string; due: CivilDate | null; provisional: boolean }[];
}

export type ActionUpdate<N extends ActionName> = UpdateDefinition<
  ActionResult,
  [ActionEnvelope<Payloads[N]>],
  N
>;

/** One update per staff action, named after it (e.g. `decideFiling`). */
export const ACTION_UPDATES = Object.fromEntries(
  ACTION_NAMES.map((name) => [name, defineUpdate<ActionResult, [ActionEnvelope<unknown>]>(name)]),
) as { [N in ActionName]: ActionUpdate<N> };

export const awaitRegistrationUpdate = defineUpdate<CaseSummary>('awaitRegistration');
export const caseSummaryQuery = defineQuery<CaseSummary>('caseSummary');
/** The live state of the case (clocks, recommendations, pending proposal, escalations). */
export const caseStateQuery = defineQuery<CaseState>('caseState');

/** Sent when the holiday schedule or a clock policy changed: the case recomputes its open clocks. */
export interface RecomputeClocksRequest {
  reason: string;
  /** The schedule/policy/catalogue versions that triggered it, for the timeline. */
  versions: { schedule?: string; policy?: string; catalogue?: string };
  actorId: string;
}
export const recomputeClocksSignal = defineSignal<[RecomputeClocksRequest]>('recomputeClocks');

/** The handler's changes to a draft document's free-text parts, made before the decision. */
export interface ReviseDocumentRequest {
  actor: Actor;
  idempotencyKey: string;
  documentId: string;
  changes: {
    harmFacts?: string;
    nonPerformance?: string;
    legalBasis?: string;
    /** The citations of a 检察建议书's legal basis. */
    legalBases?: string[];
    items?: string[];
    otherMatters?: string;
    /** A 起诉书's claims (诉讼请求). */
    claims?: string[];
  };
}
export interface RevisedDocument {
  documentId: string;
  /** The timeline entry that records the change. */
  seq: number;
}
/**
 * Through the case workflow, so an edit and the chief's decision never cross: the decision
 * issues the draft as it stands, and an edit after it is refused (Conflict).
 */
export const reviseDocumentUpdate = defineUpdate<RevisedDocument, [ReviseDocumentRequest]>('reviseDocument');
