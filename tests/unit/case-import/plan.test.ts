import { planRow, type ImportRefs } from '../../../domain/case-import/plan';

const refs: ImportRefs = {
  today: '2026-06-01',
  organs: new Map([
    ['区生态环境局', 'org-eco'],
    ['org-eco', 'org-eco'],
  ]),
  users: new Map([
    ['zhang', { id: 'u-zhang', roles: ['prosecutor'] }],
    ['li', { id: 'u-li', roles: ['head'] }],
    ['wang', { id: 'u-wang', roles: ['chief'] }],
  ]),
  domains: new Map([
    ['ecology', { code: 'ecology', name: '生态环境和资源保护', allowsAdministrative: true }],
  ]),
  headReviewRequired: true,
};

const lead = {
  externalRef: '浦检公益〔2025〕1号',
  title: '河道堆放建筑垃圾',
  description: '某公司在河道沿线堆放建筑垃圾。',
  domain: 'ecology',
  source: '自行发现',
  receivedOn: '2025-01-02',
  handler: 'zhang',
};

describe('planning one import row', () => {
  it.each([
    ['a NUL', '堆放\u0000垃圾'],
    ['a lone surrogate', '堆放\uD800垃圾'],
  ])('when a text cell holds %s, then the row is refused naming the column', (_name, text) => {
    const plan = planRow({ ...lead, description: text }, refs);
    expect(plan.errors).toEqual(['线索内容：含有无法保存的字符（空字符或不成对的代理项）']);
    expect(plan.registration).toBeUndefined();
    expect(plan.steps).toEqual([]);
  });

  it('when a case was filed and recommended, then the actions follow the procedure with the head’s review and the chief’s decisions on the row’s dates', () => {
    const plan = planRow(
      {
        ...lead,
        filedOn: '2025-01-10',
        recommendedOn: '2025-02-01',
        'rec1.organ': '区生态环境局',
        'rec1.summary': '清运建筑垃圾',
        'rec1.months': '2',
        'rec1.urgent': '是',
        'rec1.servedOn': '2025年2月3日',
        'rec1.receivedOn': '2025/2/4',
      },
      refs,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.steps.map((s) => `${s.actorId} ${s.action}`)).toEqual([
      'u-zhang proposeFiling',
      'u-li reviewProposal',
      'u-wang decideFiling',
      'u-zhang proposeRecommendation',
      'u-li reviewProposal',
      'u-wang decideRecommendation',
      'u-zhang recordRecommendationService',
    ]);
    expect(plan.steps[6]!.body).toMatchObject({ servedOn: '2025-02-03', receivedOn: '2025-02-04' });
    expect(plan.clocks.find((c) => c.key === 'reply:rec-1')).toMatchObject({
      start: '2025-02-04',
      urgent: true,
    });
    expect(plan.clocks.find((c) => c.key === 'rectification:rec-1')).toMatchObject({ months: 2 });
    expect(plan.summary).toBe('立案、检察建议 1 份');
  });

  it('when a recommendation is served before it was decided, then the row names both dates', () => {
    const plan = planRow(
      {
        ...lead,
        filedOn: '2025-01-10',
        recommendedOn: '2025-02-01',
        'rec1.organ': 'org-eco',
        'rec1.summary': '清运',
        'rec1.months': '2',
        'rec1.servedOn': '2025-01-20',
        'rec1.receivedOn': '2025-01-20',
      },
      refs,
    );
    expect(plan.errors).toEqual(['建议1送达日期：2025-01-20 早于检察建议决定日期 2025-02-01']);
  });
});
