// Issue 4, tests: a worker process killed with SIGKILL in the middle of a case and started again
// loses nothing: the action in flight is completed, or the client's retry with its key completes
// it; the timeline verifies; the workflow state equals the projection.
import { addDays } from '../../../domain/period';
import { checkOracle } from '../../faults/support/oracle';
import { act, createBackfilledCase, settle, today } from '../../faults/support/world';
import { waitUntil } from '../../helpers/processes';
import { useLifecycle } from './use-lifecycle';

const lifecycle = useLifecycle('process');

it('when the worker is killed while actions are in flight and restarted, then every action is recorded once', async () => {
  const id = await createBackfilledCase(lifecycle.world, 60);
  const day = (n: number) => addDays(today(), n);
  const steps: [ApiKey, string, unknown][] = [
    ['prosecutor', 'proposeFiling', { reason: '线索查证属实' }],
    ['chief', 'decideFiling', { approve: true, decidedOn: day(-20), reason: '符合立案条件' }],
    ['prosecutor', 'recordInvestigation', { on: day(-15), summary: '调查取证' }],
    [
      'prosecutor',
      'proposeRecommendation',
      {
        reason: '行政机关未依法履职',
        recommendations: [
          {
            organId: lifecycle.world.org.organs.eco,
            urgent: false,
            rectificationPeriod: { unit: 'months', count: 2 },
            summary: '依法履行监管职责',
          },
        ],
      },
    ],
    ['chief', 'decideRecommendation', { approve: true, decidedOn: day(-10), reason: '同意' }],
    [
      'prosecutor',
      'recordRecommendationService',
      { recommendationId: 'rec-1', servedOn: day(-9), receivedOn: day(-9) },
    ],
    ['prosecutor', 'addNote', { text: '与行政机关电话沟通' }],
  ];
  // The worker dies right after the 2nd action is sent, and while the 5th is being recorded.
  for (const [i, [who, action, body]] of steps.entries()) {
    const sending = act(lifecycle.world, lifecycle.world[who], id, action, body);
    if (i === 1) await killAndRestart();
    if (i === 4) {
      const before = await entries(id);
      await waitUntil('the action being recorded', async () => (await entries(id)) > before, {
        intervalMs: 5,
      });
      await killAndRestart();
    }
    const res = await sending;
    expect([action, res.status]).toEqual([action, 200]);
  }

  const detail = await lifecycle.world.prosecutor.get(`/api/cases/${id}`);
  expect(detail.body.stage).toBe('RECOMMENDATION');
  await settle(lifecycle.system.db, lifecycle.system.temporal, [id]);
  const timeline = await lifecycle.world.prosecutor.get(`/api/cases/${id}/timeline`);
  expect(timeline.body.chain.ok).toBe(true);
  const report = await checkOracle({
    ...lifecycle.system,
    caseIds: [id],
    accepted: lifecycle.world.accepted,
    allowedDuplicates: 2,
  });
  expect(report.violations).toEqual([]);
  expect(lifecycle.world.accepted.map((a) => a.action)).toEqual(steps.map((s) => s[1]));
  // A message in flight when the worker died waits for its activity's 2-minute timeout and lease.
}, 420_000);

type ApiKey = 'prosecutor' | 'chief';

async function killAndRestart(): Promise<void> {
  await lifecycle.system.worker!.kill9();
  await lifecycle.system.startWorkerProcess();
}

async function entries(caseId: string): Promise<number> {
  const [row] = await lifecycle.system.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1',
    [caseId],
  );
  return row!.n;
}
