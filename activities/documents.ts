/**
 * The document activities: a document is drafted from the case's rows and the action that makes
 * it, rendered from its kind's template and, on the decision, issued with its number. Each is
 * safe to retry: drafts are keyed by the timeline entry that made them, issues by the decision.
 */
import { defaultTemplates, renderDocx, type TemplateSource } from '../documents/render';
import type { TemplateRef } from '../documents/templates';
import {
  filingDecisionData,
  issuedData,
  recommendationData,
  revisedDraftData,
  foreignPart,
  EDITABLE_FIELDS,
  DRAFT_PART_LABELS,
  type DraftChanges,
  type CaseFacts,
} from '../domain/documents/content';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import type { PeriodLength } from '../domain/period/request';
import { caseFactsOf, organNames } from '../store/document-facts';
import {
  currentDrafts,
  DocumentFinalError,
  documentContent,
  findDocument,
  issueDocument,
  issuedBy,
  reviseDraft,
  saveDraft,
  supersedeOtherDrafts,
  type DocumentSummary,
} from '../store/documents';
import { organLinksOfDecision } from '../store/organ-access';
import type { Db } from '../store/pool';
import { organLink } from '../mail/templates';
import { ApplicationFailure } from '@temporalio/activity';

/** What the timeline records of a document made. */
export interface MadeDocument {
  documentId: string;
  kind: DocumentKind;
  title: string;
  /** The organ a recommendation goes to. */
  organId?: string;
  number?: string;
  sha256?: string;
}

export interface ProposedRecommendation {
  organId: string;
  urgent: boolean;
  rectificationPeriod: PeriodLength;
  summary: string;
  harmFacts?: string;
  nonPerformance?: string;
  legalBasis?: string;
  /** One recommendation per line. */
  items?: string;
  otherMatters?: string;
}

/** Why a draft was set aside: a later proposal made its own. */
const REPLACED = '被新的提请所取代';

const DEFAULT_OTHER_MATTERS =
  '请你单位在收到本检察建议书后依法办理，并将办理情况书面回复本院。逾期未回复或者未依法整改的，本院将依法提起行政公益诉讼。';

/** The page where anyone holding a paper copy checks it (web app, no sign-in). */
export function verificationUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${token}`;
}

/**
 * The bytes of a draft's template, read before the transaction that issues or revises it (an
 * uploaded template is in the database, and the embedded one answers one transaction at a time).
 */
async function templateOfDraft(db: Db, templates: TemplateSource, documentId: string) {
  const ref = (await findDocument(db, documentId))?.template;
  const bytes = ref ? await templates.bytesOf(ref) : undefined;
  return async (t: TemplateRef): Promise<Buffer> =>
    bytes && ref?.id === t.id && ref.version === t.version ? bytes : templates.bytesOf(t);
}

/** Drafts a document (rendered from its kind's template) and issues a draft with its number. */
export function documentMaker(db: Db, templates: TemplateSource, publicUrl: string) {
  return {
    async draft(
      facts: CaseFacts & { procuratorateId: string },
      d: {
        id: string;
        caseId: string;
        kind: DocumentKind;
        subject: string;
        title: string;
        createdBy: string;
      },
      data: Record<string, unknown>,
    ): Promise<void> {
      const template = await templates.templateFor(d.kind, facts.procuratorateId);
      const content = await renderDocx(template.bytes, data);
      const draftInput = { ...d, procuratorateId: facts.procuratorateId, data, content };
      await saveDraft(
        db,
        { ...draftInput, template: { id: template.id, version: template.version } },
        '新的提请',
      );
    },
    /** `organUrl`: the organ's page of the recommendation the document is, printed as a QR code. */
    async issue(
      documentId: string,
      issueKey: string,
      by: string,
      on: string,
      organUrl = '',
    ): Promise<DocumentSummary> {
      const bytesOf = await templateOfDraft(db, templates, documentId);
      return issueDocument(db, {
        documentId,
        issueKey,
        issuedBy: by,
        issuedOn: on,
        render: async (data, number, template, token) =>
          renderDocx(await bytesOf(template), {
            ...issuedData(data, number, on),
            verifyUrl: verificationUrl(publicUrl, token),
            organUrl,
          }),
      });
    },
  };
}

export function documentActivities(
  db: Db,
  templates: TemplateSource = defaultTemplates,
  publicUrl = 'http://localhost:3000',
) {
  const { draft, issue } = documentMaker(db, templates, publicUrl);

  return {
    /** The chief's filing decision made into its 立案决定书 and issued at once (Rules art. 70). */
    async issueFilingDecision(input: {
      caseId: string;
      decisionSeq: number;
      decidedBy: string;
      decidedOn: string;
      reason: string;
    }): Promise<MadeDocument[]> {
      const issueKey = `${input.caseId}:${input.decisionSeq}`;
      const done = await issuedBy(db, input.caseId, issueKey);
      if (done.length > 0) return done.map(made);
      const facts = await caseFactsOf(db, input.caseId);
      const id = `doc-${input.caseId}-${input.decisionSeq}-1`;
      const title = `${DOCUMENT_KINDS.filing_decision.title}（${facts.caseTitle}）`;
      const d = { id, caseId: input.caseId, kind: 'filing_decision' as const, subject: '', title };
      await draft(facts, { ...d, createdBy: input.decidedBy }, filingDecisionData(facts, input));
      return [made(await issue(id, issueKey, input.decidedBy, input.decidedOn))];
    },

    /** One 检察建议书 drafted per organ from the proposal and the case (Rules art. 75). */
    async draftRecommendations(input: {
      caseId: string;
      proposalSeq: number;
      proposedBy: string;
      reason: string;
      recommendations: ProposedRecommendation[];
    }): Promise<MadeDocument[]> {
      const facts = await caseFactsOf(db, input.caseId);
      const names = await organNames(
        db,
        facts.procuratorateId,
        input.recommendations.map((r) => r.organId),
      );
      const out: MadeDocument[] = [];
      for (const [i, r] of input.recommendations.entries()) {
        const organName = names.get(r.organId) ?? r.organId;
        const id = `doc-${input.caseId}-${input.proposalSeq}-${i + 1}`;
        const title = `${DOCUMENT_KINDS.recommendation.title}（${organName}）`;
        const data = recommendationData(facts, {
          organName,
          harmFacts: r.harmFacts || facts.description || r.summary,
          nonPerformance: r.nonPerformance || input.reason,
          legalBasis: r.legalBasis || facts.domainBasis || DOCUMENT_KINDS.recommendation.basis,
          items: itemsOf(r.items || r.summary),
          rectificationPeriod: r.rectificationPeriod,
          urgent: r.urgent,
          otherMatters: r.otherMatters || DEFAULT_OTHER_MATTERS,
        });
        const d = { id, caseId: input.caseId, kind: 'recommendation' as const, subject: r.organId, title };
        await draft(facts, { ...d, createdBy: input.proposedBy }, data);
        out.push({ documentId: id, kind: 'recommendation', title, organId: r.organId });
      }
      const keep = out.map((d) => d.documentId);
      await supersedeOtherDrafts(db, input.caseId, 'recommendation', keep, REPLACED);
      return out;
    },

    /**
     * The handler's changes to a draft's free-text parts, rendered again with the draft's own
     * template; refused once the document is issued (what the chief approved is what is issued).
     */
    async reviseDraft(input: {
      caseId: string;
      documentId: string;
      changes: DraftChanges;
    }): Promise<MadeDocument> {
      const doc = await documentContent(db, input.caseId, input.documentId);
      if (!doc) throw ApplicationFailure.nonRetryable(`案件没有文书 ${input.documentId}`, 'NotFound');
      const foreign = foreignPart(doc.kind, input.changes);
      if (!EDITABLE_FIELDS[doc.kind])
        throw ApplicationFailure.nonRetryable(`${doc.title}没有可修改的草稿内容`, 'InvalidPayload');
      if (foreign)
        throw ApplicationFailure.nonRetryable(
          `${doc.title}没有可修改的“${DRAFT_PART_LABELS[foreign]}”`,
          'InvalidPayload',
        );
      const bytesOf = await templateOfDraft(db, templates, input.documentId);
      try {
        const revised = await reviseDraft(
          db,
          input.documentId,
          (data) => revisedDraftData(doc.kind, data, input.changes),
          async (data, template) => renderDocx(await bytesOf(template), data),
        );
        return made(revised);
      } catch (err) {
        if (err instanceof DocumentFinalError) throw ApplicationFailure.nonRetryable(err.message, 'Conflict');
        throw err;
      }
    },

    /** The drafts of a kind issued by the chief's decision: numbered, rendered, hashed. */
    async issueDrafts(input: {
      caseId: string;
      kind: DocumentKind;
      decisionSeq: number;
      issuedBy: string;
      issuedOn: string;
    }): Promise<MadeDocument[]> {
      const issueKey = `${input.caseId}:${input.decisionSeq}`;
      const issued = await issuedBy(db, input.caseId, issueKey);
      // The decision's timeline entry, written before its documents are issued, made the organs' links.
      const links =
        input.kind === 'recommendation'
          ? await organLinksOfDecision(db, input.caseId, input.decisionSeq)
          : [];
      for (const d of await currentDrafts(db, input.caseId, input.kind)) {
        const at = links.findIndex((l) => l.organId === d.subject);
        const [link] = at >= 0 ? links.splice(at, 1) : [];
        const organUrl = link ? organLink(publicUrl, link.token) : '';
        issued.push(await issue(d.id, issueKey, input.issuedBy, input.issuedOn, organUrl));
      }
      return issued.map(made);
    },
  };
}

/** Text written as (numbered) lines becomes one item per line, its own numbering dropped. */
function itemsOf(summary: string): string[] {
  const lines = summary
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、)\s*/, '')
        .trim(),
    )
    .filter((l) => l.length > 0);
  return lines.length > 0 ? lines : [summary];
}

export function made(doc: DocumentSummary): MadeDocument {
  return {
    documentId: doc.id,
    kind: doc.kind,
    title: doc.title,
    ...(doc.kind === 'recommendation' && doc.subject ? { organId: doc.subject } : {}),
    ...(doc.number ? { number: doc.number } : {}),
    ...(doc.sha256 ? { sha256: doc.sha256 } : {}),
  };
}
