import { shanghaiDate } from '../../domain/time';
import {
  awaitRegistrationUpdate,
  caseSummaryQuery,
  caseWorkflowId,
  type NewCaseInput,
} from '../../workflows/contract';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

function newCase(caseId: string): NewCaseInput {
  return {
    caseId,
    procuratorateId: t.org.procuratorateId,
    title: '外卖平台食品安全监管',
    description: '网络订餐平台入网餐饮商户无证经营',
    track: 'administrative',
    domainCode: 'food_drug',
    source: 'self_discovered',
    receivedOn: shanghaiDate(new Date()),
    handlerId: t.org.prosecutor.id,
    createdBy: { userId: t.org.prosecutor.id, roles: ['prosecutor'], procuratorateId: t.org.procuratorateId },
  };
}

it('registers a lead: projection, first timeline entry and acknowledgement mail', async () => {
  const caseId = `${t.org.procuratorateId}-2026-00001`;
  await t.withWorker(async (taskQueue) => {
    const handle = await t.env.client.workflow.start('caseWorkflow', {
      taskQueue,
      workflowId: caseWorkflowId(caseId),
      args: [newCase(caseId)],
      workflowExecutionTimeout: '30 days',
    });
    t.track(handle);
    const summary = await handle.executeUpdate(awaitRegistrationUpdate);
    expect(summary).toMatchObject({ caseId, stage: 'LEAD', handlerId: t.org.prosecutor.id });
    expect(await handle.query(caseSummaryQuery)).toEqual(summary);
    await t.mail.waitFor((ms) => ms.some((m) => m.subject.includes(caseId)));
  });
  const rows = await t.db.query('SELECT stage, handler_id FROM cases WHERE id = $1', [caseId]);
  expect(rows).toEqual([{ stage: 'LEAD', handler_id: t.org.prosecutor.id }]);
  const outbox = await t.db.query<{ sent: boolean }>(
    'SELECT sent_at IS NOT NULL AS sent FROM mail_outbox WHERE case_id = $1',
    [caseId],
  );
  expect(outbox).toEqual([{ sent: true }]);
});
