// Statutory documents made where the procedure makes them: filing issues the 立案决定书; proposing
// a recommendation drafts one 检察建议书 per organ; the chief's decision issues them.
import { announcedCivilCase, COMPANY, nobodySued } from '../helpers/civil-steps';
import {
  CaseDriver,
  CaseSteps,
  newCaseInput,
  recordReply,
  startCase,
  suedCase,
} from '../helpers/case-driver';
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
    const drafted = timeline.filter((e) => e.kind === 'document_drafted' && e.data.kind === 'recommendation');
    expect(drafted).toHaveLength(2);
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

/** The statuses of the case's documents of `kind`, oldest first. */
async function statusesOf(caseId: string, kind: string): Promise<string[]> {
  return (await documentsOf(caseId)).filter((d) => d.kind === kind).map((d) => d.status);
}

it('sued and withdrawn: the 调查终结报告 and 审查终结报告 and the 起诉书 are drafted on the proposals and issued on the decisions, the 派员出庭通知书 on filing, the 撤回起诉决定书 on the chief’s decision', async () => {
  await t.withWorker(async (taskQueue) => {
    const c = await suedCase(t, taskQueue);
    const caseId = c.input.caseId;
    const year = (await c.today()).slice(0, 4);
    const [report] = await issuedOnTimeline(c, 'investigation_report');
    expect(report!.number).toMatch(new RegExp(`公调终〔${year}〕\\d+号$`));
    const [review] = await issuedOnTimeline(c, 'review_report');
    expect(review!.number).toMatch(new RegExp(`公审终〔${year}〕\\d+号$`));
    const [complaint] = await issuedOnTimeline(c, 'administrative_complaint');
    expect(complaint!.number).toMatch(new RegExp(`行公诉〔${year}〕\\d+号$`));
    const [recommendation] = await issuedOnTimeline(c, 'recommendation');
    expect((await dataOf(caseId, 'administrative_complaint'))[0]!.pretrial).toEqual([
      expect.stringContaining(`检察建议书（${recommendation!.number}）`),
    ]);
    const [notice] = await issuedOnTimeline(c, 'court_appearance_notice');
    expect(notice!.number).toMatch(new RegExp(`公出庭〔${year}〕\\d+号$`));
    expect((await dataOf(caseId, 'court_appearance_notice'))[0]).toMatchObject({ court: '某区人民法院' });
    const drafts = (await c.timeline()).filter((e) => e.kind === 'document_drafted').map((e) => e.data.kind);
    expect(drafts).toEqual(
      expect.arrayContaining(['investigation_report', 'review_report', 'administrative_complaint']),
    );
    expect(drafts).not.toContain('court_appearance_notice');

    await c.act('proposeClaimChange', t.org.prosecutor, {
      change: 'withdraw',
      ground: 'organ_performed',
      reason: '行政机关已依法履职，诉讼请求全部实现',
    });
    expect(await statusesOf(caseId, 'suit_withdrawal_decision')).toEqual(['draft']);
    await c.act('decideClaimChange', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '同意',
    });
    const [withdrawal] = await issuedOnTimeline(c, 'suit_withdrawal_decision');
    expect(withdrawal!.number).toMatch(new RegExp(`公撤诉〔${year}〕\\d+号$`));
    expect((await dataOf(caseId, 'suit_withdrawal_decision'))[0]).toMatchObject({
      court: '某区人民法院',
      basis: expect.stringContaining('第八十四条'),
    });
  });
}, 300_000);

it('civil: the notice issues the 调查终结报告, a suit against the recorded company its 起诉书; an organisation supported with an opinion gets the 支持起诉意见书 and then the 撤回支持起诉决定书', async () => {
  await t.withWorker(async (taskQueue) => {
    const announced = await announcedCivilCase(t, taskQueue);
    const { c } = announced;
    expect((await dataOf(c.input.caseId, 'investigation_report'))[0]).toMatchObject({
      conclusion: '发布诉前公告',
      basis: expect.stringContaining('第八十九条'),
    });
    await issuedOnTimeline(c, 'investigation_report');
    await nobodySued(t, announced);
    await c.act('recordCivilParty', t.org.prosecutor, COMPANY(await c.today()));
    await c.act('proposeLitigation', t.org.prosecutor, { reason: '无适格主体起诉', partyIds: ['party-1'] });
    expect(await statusesOf(c.input.caseId, 'civil_complaint')).toEqual(['draft']);
    await c.act('decideLitigation', t.org.chief, {
      approve: true,
      decidedOn: await c.today(),
      reason: '起诉',
    });
    await issuedOnTimeline(c, 'review_report');
    await issuedOnTimeline(c, 'civil_complaint');
    expect((await dataOf(c.input.caseId, 'civil_complaint'))[0]!.defendants).toEqual([
      '被告：某化工有限公司（法人，91310000MA1FL0000X）',
    ]);

    const other = await announcedCivilCase(t, taskQueue);
    const today = await other.c.today();
    await other.c.act('recordAnnouncementOutcome', t.org.prosecutor, {
      on: today,
      outcome: 'sued_by_other',
      plaintiff: '某环保公益组织',
    });
    const support = { supportedOn: today, court: '某市中级人民法院', summary: '提交支持起诉意见书' };
    await other.c.act('recordSupport', t.org.prosecutor, { ...support, forms: ['support_opinion'] });
    const [opinion] = await issuedOnTimeline(other.c, 'support_opinion');
    expect(opinion!.number).toMatch(/民公支〔\d{4}〕1号$/);
    expect((await dataOf(other.c.input.caseId, 'support_opinion'))[0]).toMatchObject({
      plaintiff: '某环保公益组织',
      forms: '提交支持起诉意见书',
    });
    await other.c.act('withdrawSupport', t.org.chief, {
      decidedOn: today,
      situation: 'withdrawn_or_settled',
      reason: '原告与被告和解，社会公共利益未得到有效保护',
    });
    await issuedOnTimeline(other.c, 'support_withdrawal_decision');
    expect((await dataOf(other.c.input.caseId, 'support_withdrawal_decision'))[0]).toMatchObject({
      plaintiff: '某环保公益组织',
      court: '某市中级人民法院',
    });
  });
}, 300_000);
