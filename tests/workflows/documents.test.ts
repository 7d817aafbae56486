// Statutory documents made where the procedure makes them: filing issues the 立案决定书; proposing
// a recommendation drafts one 检察建议书 per organ; the chief's decision issues them.
import { CaseDriver, CaseSteps, newCaseInput, recordReply, startCase } from '../helpers/case-driver';
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

/** The issued documents of `kind` on the case, each with the timeline entry that names it. */
async function issuedOnTimeline(c: CaseDriver, kind: string) {
  const rows = (await documentsOf(c.input.caseId)).filter((d) => d.kind === kind);
  const entries = (await c.timeline()).filter((e) => e.kind === 'document_issued' && e.data.kind === kind);
  expect(entries.map((e) => [e.data.number, e.data.sha256])).toEqual(rows.map((d) => [d.number, d.sha256]));
  expect(rows.every((d) => d.status === 'issued')).toBe(true);
  return rows;
}

async function dataOf(caseId: string, kind: string): Promise<Record<string, string>[]> {
  const rows = await t.db.query<{ data: Record<string, string> }>(
    'SELECT data FROM case_documents WHERE case_id = $1 AND kind = $2 ORDER BY created_at, id',
    [caseId, kind],
  );
  return rows.map((r) => r.data);
}

it('served, suspended, resumed, terminated: the 送达回证 names the served 检察建议书, then the 中止, 恢复审查 and 终结案件决定书 are issued, each on the timeline', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c, s } = await startCase(t, taskQueue);
    const year = (await c.today()).slice(0, 4);
    await s.file();
    await s.recommend([{ organId: t.org.organs.eco, rectificationPeriod: { unit: 'months', count: 3 } }]);
    await s.serve('rec-1');
    const [recommendation] = await issuedOnTimeline(c, 'recommendation');
    const [receipt] = await issuedOnTimeline(c, 'service_receipt');
    expect(receipt!.number).toMatch(`公送〔${year}〕1号`);
    expect((await dataOf(c.input.caseId, 'service_receipt'))[0]).toMatchObject({
      documentNumber: recommendation!.number,
    });

    await recordReply(s, 'rec-1', 'in_progress');
    const day = await c.today();
    await c.act('suspend', t.org.chief, { decidedOn: day, reason: '因客观原因无法完成整改' });
    await c.act('resume', t.org.chief, { decidedOn: day, reason: '中止的原因已经消除' });
    expect(await issuedOnTimeline(c, 'suspension_decision')).toHaveLength(1);
    expect(await issuedOnTimeline(c, 'resumption_decision')).toHaveLength(1);
    await c.act('terminate', t.org.chief, {
      decidedOn: day,
      reason: '行政机关已全面整改',
      ground: 'fully_rectified',
    });
    const [ended] = await issuedOnTimeline(c, 'termination_decision');
    expect(ended!.number).toMatch(`公终〔${year}〕1号`);
    expect((await dataOf(c.input.caseId, 'termination_decision'))[0]).toMatchObject({
      ground: '行政机关已经全面采取整改措施依法履行职责',
      basis: expect.stringContaining('第七十四条'),
    });
  });
});

it('a refused filing issues the 不立案决定书; a civil case’s pre-suit notice issues the 诉前公告 naming the handler and the telephone', async () => {
  await t.withWorker(async (taskQueue) => {
    const { c } = await startCase(t, taskQueue);
    await c.act('proposeFiling', t.org.prosecutor, { reason: '线索待核' });
    await c.act('decideFiling', t.org.chief, {
      approve: false,
      decidedOn: await c.today(),
      reason: '未发现违法',
    });
    expect(await issuedOnTimeline(c, 'not_filing_decision')).toHaveLength(1);
    expect(await documentsOf(c.input.caseId)).toHaveLength(1);

    const civil = await CaseDriver.start(t, taskQueue, newCaseInput(t.org, { track: 'civil' }));
    await new CaseSteps(civil, t.org).file();
    await civil.act('publishAnnouncement', t.org.prosecutor, {
      publishedOn: await civil.today(),
      medium: '正义网',
      contactPhone: '025-58800000',
    });
    expect(await issuedOnTimeline(civil, 'pretrial_notice')).toHaveLength(1);
    expect((await dataOf(civil.input.caseId, 'pretrial_notice'))[0]).toMatchObject({
      medium: '正义网',
      contactPhone: '025-58800000',
      contactPerson: `prosecutor ${t.org.prosecutor.id}`,
    });
  });
});
