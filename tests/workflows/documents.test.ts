// Statutory documents made where the procedure makes them: filing issues the 立案决定书; proposing
// a recommendation drafts one 检察建议书 per organ; the chief's decision issues them.
import { startCase } from '../helpers/case-driver';
import { useWorkflowWorld } from '../helpers/workflow-env';

const t = useWorkflowWorld();

async function documentsOf(caseId: string) {
  return t.db.query<{ kind: string; status: string; number: string | null; sha256: string | null }>(
    'SELECT kind, status, number, sha256 FROM case_documents WHERE case_id = $1 ORDER BY created_at, id',
    [caseId],
  );
}

it('filed, recommended to two organs, decided: the filing decision and both recommendations are issued, each on the timeline', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const caseId = c.input.caseId;
    const year = (await c.today()).slice(0, 4);
    await s.file();
    expect(await documentsOf(caseId)).toEqual([
      expect.objectContaining({
        kind: 'filing_decision',
        status: 'issued',
        number: expect.stringMatching(`〔${year}〕1号$`),
      }),
    ]);

    const day = await c.today();
    await c.act('proposeRecommendation', t.org.prosecutor, {
      reason: '行政机关未依法履职',
      recommendations: [t.org.organs.eco, t.org.organs.street].map((organId) => ({
        organId,
        urgent: false,
        rectificationPeriod: { unit: 'months' as const, count: 2 },
        summary: '依法履行监管职责',
      })),
    });
    const drafts = (await documentsOf(caseId)).filter((d) => d.kind === 'recommendation');
    expect(drafts.map((d) => d.status)).toEqual(['draft', 'draft']);

    await c.act('decideRecommendation', t.org.chief, { approve: true, decidedOn: day, reason: '同意' });
    const issued = (await documentsOf(caseId)).filter((d) => d.kind === 'recommendation');
    expect(issued.map((d) => d.number)).toEqual(
      [`〔${year}〕1号`, `〔${year}〕2号`].map((n) => expect.stringContaining(n)),
    );

    const timeline = await c.timeline();
    const onTimeline = timeline
      .filter((e) => e.kind === 'document_issued')
      .map((e) => [e.data.number, e.data.sha256]);
    const all = await documentsOf(caseId);
    expect(onTimeline).toEqual(all.filter((d) => d.status === 'issued').map((d) => [d.number, d.sha256]));
    expect(timeline.filter((e) => e.kind === 'document_drafted')).toHaveLength(2);
  });
});
