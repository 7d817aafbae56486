import { Router } from 'express';
import { findCaseInScope } from '../../activities/db/case-reads';
import { principalOf, requireRole } from '../auth/middleware';
import { problems } from '../problem';
import { parseInput } from '../validation';
import { createCase, type CaseServiceDeps } from './create-case';
import { presentCase } from './present';
import { caseIdParam, createCaseBody } from './schemas';

export function caseRoutes(deps: CaseServiceDeps): Router {
  const router = Router();

  router.post('/', requireRole('prosecutor', 'head'), async (req, res) => {
    const actor = principalOf(req);
    const summary = await createCase(deps, actor, parseInput(createCaseBody, req.body));
    const row = await findCaseInScope(deps.db, summary.caseId, actor.procuratorateId);
    if (!row) throw problems.unavailable('案件已登记，读取视图尚未就绪');
    res.status(201).location(`/api/cases/${summary.caseId}`).json(presentCase(row));
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseInput(caseIdParam, req.params, '路径参数');
    const row = await findCaseInScope(deps.db, id, principalOf(req).procuratorateId);
    if (!row) throw problems.notFound(`案件 ${id} 不存在`);
    res.json(presentCase(row));
  });

  return router;
}
