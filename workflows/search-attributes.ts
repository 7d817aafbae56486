/**
 * Search attributes of case workflows: non-personal keys only, so the Temporal UI can filter.
 * Registered on the dev server at start; on a cluster, an operator registers them once.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SEARCH_ATTRIBUTE_TYPES = {
  DubanStage: 'Keyword',
  DubanDomain: 'Keyword',
  DubanProcuratorate: 'Keyword',
  DubanNextDue: 'Datetime',
} as const;

export const stageKey = defineSearchAttributeKey('DubanStage', SearchAttributeType.KEYWORD);
export const domainKey = defineSearchAttributeKey('DubanDomain', SearchAttributeType.KEYWORD);
export const procuratorateKey = defineSearchAttributeKey('DubanProcuratorate', SearchAttributeType.KEYWORD);
export const nextDueKey = defineSearchAttributeKey('DubanNextDue', SearchAttributeType.DATETIME);
