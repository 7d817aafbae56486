// /api/statistics: 类案分析, the cases behind each figure, and the repeat-offender threshold.
import type { z } from 'zod';
import { casesOfFigure, type FigureCriteria } from '../../store/statistics-cases';
import { repeatOffenderThreshold, saveRepeatOffenderThreshold } from '../../store/statistics-policy';
import { defineReadRoute } from '../route-kit';
import { defineRoute, type RouteTarget } from '../routing';
import { similarCaseAnalysis } from './analysis';
import {
  FIGURE_CASES_MAX,
  analysisResponse,
  figureCasesResponse,
  figureQuery,
  periodQuery,
  policyBody,
  policyResponse,
} from './schemas';
import { periodOf, type StatisticsDeps } from './summary';

const READ = { tag: '统计', auth: 'user' } as const;

export function analysisRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineReadRoute(
    target,
    {
      ...READ,
      path: '/analysis',
      summary:
        '类案分析：领域与行政机关 × 结果、线索来源、案件类别、第八十二条情形、回复用时与回复整改率、屡次不履职',
      query: periodQuery,
      answer: { description: '类案分析', schema: analysisResponse },
      otherResponses: { 422: { description: '期间有误' } },
    },
    ({ query, principal }) => similarCaseAnalysis(deps, principal.procuratorateId, query),
  );
}

export function figureCasesRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineReadRoute(
    target,
    {
      ...READ,
      path: '/cases',
      summary: '统计图表下钻：构成某一数字的案件（与该数字同一口径、同一日期）',
      query: figureQuery,
      answer: { description: `案件（一页至多 ${FIGURE_CASES_MAX} 件）及总数`, schema: figureCasesResponse },
      otherResponses: { 422: { description: '期间或条件有误' } },
    },
    async ({ query, principal }) => {
      const { period } = periodOf(deps, query);
      const { rows, total } = await casesOfFigure(
        deps.db,
        principal.procuratorateId,
        period,
        criteriaOf(query),
        {
          limit: query.limit ?? FIGURE_CASES_MAX,
          offset: query.offset ?? 0,
          q: query.q,
        },
      );
      return {
        period,
        total,
        items: rows.map((r) => ({
          caseId: r.case_id,
          title: r.title,
          stage: r.stage,
          domainCode: r.domain_code,
          track: r.track,
        })),
      };
    },
  );
}

function criteriaOf(q: z.infer<typeof figureQuery>): FigureCriteria {
  switch (q.figure) {
    case 'received':
      return { figure: q.figure, stage: q.stage, source: q.source, domainCode: q.domainCode };
    case 'filed':
      return { figure: q.figure, domainCode: q.domainCode, track: q.track };
    case 'outcome':
      return { figure: q.figure, outcomes: q.outcome, organId: q.organId, domainCode: q.domainCode };
    case 'reason':
      return { figure: q.figure, reason: q.reason };
    case 'issued':
      return { figure: q.figure, organId: q.organId };
    case 'replied':
      return { figure: q.figure, organId: q.organId, onTime: q.onTime };
    case 'overdue':
      return { figure: q.figure, month: q.month };
  }
}

function readPolicyRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineReadRoute(
    target,
    {
      ...READ,
      path: '/policy',
      summary: '本院统计口径设置：屡次不履职的次数阈值',
      answer: { description: '统计口径', schema: policyResponse },
    },
    async ({ principal }) => ({
      repeatOffenderThreshold: await repeatOffenderThreshold(deps.db, principal.procuratorateId),
    }),
  );
}

function savePolicyRoute(target: RouteTarget, deps: StatisticsDeps): void {
  defineRoute(
    target,
    {
      ...READ,
      roles: ['admin'],
      method: 'put',
      path: '/policy',
      summary: '设置屡次不履职的次数阈值（期间内认定不履职与反弹合计达到该次数）',
      body: policyBody,
      responses: {
        200: { description: '新的统计口径', schema: policyResponse },
        422: { description: '输入有误' },
      },
    },
    async ({ res, body, principal }) => {
      await saveRepeatOffenderThreshold(
        deps.db,
        principal.procuratorateId,
        body.repeatOffenderThreshold,
        principal.userId,
      );
      res.json({ repeatOffenderThreshold: body.repeatOffenderThreshold });
    },
  );
}

export const policyRoutes = [readPolicyRoute, savePolicyRoute];
