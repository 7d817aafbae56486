// /api/admin/stuck-cases: the cases of one's procuratorate whose workflow does not move.
import type { Router } from 'express';
import { z } from 'zod';
import { defineReadRoute, routerOf } from '../route-kit';
import type { RouteRegistry, RouteTarget } from '../routing';
import type { StuckCaseWatch } from './stuck-cases';

export const stuckCaseSchema = z.object({
  caseId: z.string(),
  attempt: z.number().int().describe('当前处理尝试次数（2 表示已失败一次，正在重试）'),
  since: z.string().nullable().describe('首次失败的处理任务的排定时间'),
  cause: z.string().nullable().describe('流程引擎记录的失败原因代码，如 BAD_SEARCH_ATTRIBUTES'),
  error: z.string().nullable().describe('流程引擎记录的错误信息'),
});

const stuckCasesResponse = z.object({
  scannedAt: z.string().nullable().describe('最近一次检查的时间；尚未检查过时为 null'),
  items: z.array(stuckCaseSchema),
});

export function operationsRoutes(deps: { stuckCases: StuckCaseWatch }, registry: RouteRegistry): Router {
  return routerOf(registry, '/api/admin/stuck-cases', deps, [stuckCasesRoute]);
}

function stuckCasesRoute(target: RouteTarget, deps: { stuckCases: StuckCaseWatch }): void {
  defineReadRoute(
    target,
    {
      tag: '运维',
      summary: '流程无法推进的案件',
      description:
        '办案流程的处理任务反复失败的本院案件（如检索属性类型登记错误、部署的流程代码出错）：这些案件不会推进，操作只得到 202。' +
        '定期检查（STUCK_CASE_SCAN_SECONDS），答复的是最近一次检查的结果。',
      roles: ['case_office', 'admin'],
      answer: { description: '最近一次检查发现的案件', schema: stuckCasesResponse },
    },
    async ({ principal }) => {
      const { scannedAt, cases } = deps.stuckCases.current();
      return {
        scannedAt,
        items: cases
          .filter((c) => c.procuratorateId === principal.procuratorateId)
          .map(({ caseId, attempt, since, cause, error }) => ({ caseId, attempt, since, cause, error })),
      };
    },
  );
}
