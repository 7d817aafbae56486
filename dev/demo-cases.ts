/**
 * The demo cases `npm start` loads on an empty embedded database: the seed's three stories at
 * their stages, and more cases spread over two years and several domains, so that the dashboard,
 * the calendar, the inbox and the organ pages show something real on first start. Each is
 * registered and driven through the API as the demo staff would do it by hand (a lead entered
 * after the fact, every step with its real date), so clocks, timeline and mail are the real ones.
 */
import type { ActionName, PayloadInputs as Payloads } from '../domain/case/payloads';
import { addDays } from '../domain/period/dates';
import { shanghaiDate } from '../domain/time';
import { DEMO_ORGANS, DEMO_PASSWORD } from './demo-data';

type Who = 'prosecutor' | 'head' | 'chief';
const ACCOUNTS: Record<Who, string> = { prosecutor: 'zhangjc', head: 'lifz', chief: 'wangjcz' };

type OrganKey = keyof typeof DEMO_ORGANS;

interface Lead {
  title: string;
  description: string;
  domainCode: string;
  source: 'self_discovered' | 'public_report' | 'department_transfer' | 'criminal_case' | 'media';
  organ: OrganKey;
  /** The recommendation's content: one numbered item per line. */
  items: string;
}

interface Step {
  who: Who;
  action: ActionName;
  body: Payloads[ActionName];
}

export interface DemoCase {
  /** A stable key: the registration's Idempotency-Key and the prefix of its actions'. */
  key: string;
  lead: Lead;
  receivedOn: string;
  steps: Step[];
}

/** The seed's three stories (see README "Demo data"). */
const SOLID_WASTE: Lead = {
  title: '某再生资源公司违规堆放固体废物',
  description:
    '群众反映：某再生资源公司在江浦街道厂区外长期露天堆放废塑料、废橡胶等一般工业固体废物约三百吨，未采取防扬散、防流失、防渗漏措施，雨后渗滤液流入周边沟渠。',
  domainCode: 'ecology',
  source: 'public_report',
  organ: 'eco',
  items:
    '依法对违法堆放行为立案查处\n督促该公司限期清运并无害化处置固体废物\n对周边沟渠水体和土壤开展监测评估',
};
const FOOD_DELIVERY: Lead = {
  title: '辖区网络餐饮服务平台入网商户监管不到位',
  description:
    '“舌尖上的安全”专项监督中发现：辖区多家网络订餐平台入网餐饮商户未公示食品经营许可证，部分商户无实体门店、无证经营，平台未尽审查义务。',
  domainCode: 'food_drug',
  source: 'self_discovered',
  organ: 'market',
  items:
    '依法查处无证经营的入网餐饮商户\n督促网络订餐平台落实入网审查和信息公示义务\n建立网络餐饮常态化监督检查机制',
};
const FARM_SUBSIDY: Lead = {
  title: '诈骗农机购置补贴致国有财产损失',
  description:
    '办理一起诈骗农机购置补贴刑事案件中发现：行为人虚构农机购置事实骗取补贴资金二十余万元，刑事判决后补贴资金仍未追回，相关街道未依法履行追缴职责。',
  domainCode: 'state_assets',
  source: 'criminal_case',
  organ: 'jiangpu',
  items: '依法追缴被骗取的农机购置补贴资金\n完善农机购置补贴申报审核和公示制度',
};

/** Further leads the generated cases cycle through. */
const LEADS: Lead[] = [
  {
    title: '长江岸线非法码头未拆除',
    description: '巡查发现长江浦口段岸线一处非法砂石码头经责令拆除后仍在经营，岸线生态未修复。',
    domainCode: 'ecology',
    source: 'self_discovered',
    organ: 'eco',
    items: '依法拆除非法码头设施\n开展岸线生态修复',
  },
  {
    title: '集体土地违法建设别墅未查处',
    description: '群众举报某村集体土地上违法建设独栋别墅六栋，自然资源部门立案后未予拆除。',
    domainCode: 'state_land',
    source: 'public_report',
    organ: 'land',
    items: '依法拆除违法建筑\n恢复土地原状',
  },
  {
    title: '国有土地使用权出让金欠缴',
    description: '审计移送：某房地产公司受让国有建设用地使用权后欠缴土地出让金及违约金，未依法追缴。',
    domainCode: 'state_land',
    source: 'department_transfer',
    organ: 'land',
    items: '依法追缴土地出让金及违约金\n对逾期不缴的依法解除出让合同',
  },
  {
    title: '农药包装废弃物随意丢弃',
    description: '检察官走访发现多个村的田间地头、沟渠边随意丢弃农药包装废弃物，未建立回收机制。',
    domainCode: 'agri_products',
    source: 'self_discovered',
    organ: 'agri',
    items: '建立农药包装废弃物回收处理机制\n清理现存废弃物',
  },
  {
    title: '校园周边无证流动摊贩售卖“三无”食品',
    description: '媒体报道：多所小学周边流动摊贩售卖无生产日期、无厂名厂址的“三无”食品。',
    domainCode: 'food_drug',
    source: 'media',
    organ: 'market',
    items: '依法查处售卖“三无”食品行为\n加强校园周边食品安全日常巡查',
  },
  {
    title: '老旧小区无障碍设施缺失',
    description: '残联转来反映：多个老旧小区改造后出入口无坡道、无扶手，轮椅无法通行。',
    domainCode: 'accessibility',
    source: 'department_transfer',
    organ: 'housing',
    items: '在改造项目中依法配建无障碍设施\n对已完工项目补建坡道和扶手',
  },
  {
    title: '区级文物保护单位年久失修',
    description: '巡查发现一处区级文物保护单位古建筑屋面塌漏、墙体开裂，未采取保护措施。',
    domainCode: 'cultural_relics',
    source: 'self_discovered',
    organ: 'culture',
    items: '督促文物所有人、使用人抢险加固\n设置保护标志和界桩',
  },
  {
    title: '燃气餐饮场所未安装可燃气体报警装置',
    description: '安全生产专项检查中发现：商业综合体内多家使用燃气的餐饮场所未安装可燃气体报警装置。',
    domainCode: 'work_safety',
    source: 'self_discovered',
    organ: 'urban',
    items: '督促餐饮场所安装可燃气体报警装置\n依法查处拒不整改的经营者',
  },
  {
    title: '河道沿线生活污水直排',
    description: '群众反映：城南河沿线多处居民生活污水未接入管网直排河道，河水黑臭。',
    domainCode: 'ecology',
    source: 'public_report',
    organ: 'urban',
    items: '完成沿线雨污分流改造\n对直排口逐一封堵',
  },
];

const SUMMARY = (lead: Lead) => lead.items.split('\n')[0]!;

/** A case's story from its lead, each step dated `n` days before `today`. */
class Plot {
  readonly steps: Step[] = [];
  constructor(
    private readonly today: string,
    readonly lead: Lead,
  ) {}

  ago(days: number): string {
    return addDays(this.today, -days);
  }

  private add<N extends ActionName>(who: Who, action: N, body: Payloads[N]): this {
    this.steps.push({ who, action, body });
    return this;
  }

  /** Proposed, reviewed by the head, decided by the chief, all on the day `at`. */
  private decided<N extends 'proposeFiling' | 'proposeRecommendation' | 'proposeLitigation'>(
    propose: N,
    body: Payloads[N],
    decide: 'decideFiling' | 'decideRecommendation' | 'decideLitigation' | undefined,
    at: number,
    approve = true,
  ): this {
    this.add('prosecutor', propose, { ...body, proposedOn: this.ago(at) });
    this.add('head', 'reviewProposal', {
      approve: true,
      reviewedOn: this.ago(at),
      reasons: '事实清楚，同意报请检察长决定',
    });
    if (decide)
      this.add('chief', decide, {
        approve,
        decidedOn: this.ago(at),
        reason: approve ? '同意' : '不符合立案条件',
      });
    return this;
  }

  proposeFiling(at: number): this {
    return this.add('prosecutor', 'proposeFiling', { reason: '线索查证属实', proposedOn: this.ago(at) });
  }

  reviewedFiling(at: number): this {
    return this.decided('proposeFiling', { reason: '线索查证属实' }, undefined, at);
  }

  declined(at: number): this {
    return this.decided('proposeFiling', { reason: '线索需进一步核实' }, 'decideFiling', at, false);
  }

  /** Filed on `at`, the 立案决定书 served on the organ two days later, an investigation after five. */
  filed(at: number): this {
    this.decided('proposeFiling', { reason: '线索查证属实，符合立案条件' }, 'decideFiling', at);
    this.add('prosecutor', 'recordFilingService', {
      servedOn: this.ago(at - 2),
      organIds: [DEMO_ORGANS[this.lead.organ]],
    });
    return this.add('prosecutor', 'recordInvestigation', {
      on: this.ago(at - 5),
      summary: '现场勘查、询问相关人员、调取行政执法卷宗',
    });
  }

  private recommendationBody(months: number): Payloads['proposeRecommendation'] {
    return {
      reason: '行政机关未依法全面履行监督管理职责',
      recommendations: [
        {
          organId: DEMO_ORGANS[this.lead.organ],
          urgent: false,
          rectificationPeriod: { unit: 'months', count: months },
          summary: SUMMARY(this.lead),
          items: this.lead.items,
        },
      ],
    };
  }

  proposedRecommendation(at: number, months = 2): this {
    return this.decided('proposeRecommendation', this.recommendationBody(months), undefined, at);
  }

  /** Decided on `at`, served (and received) two days later, filed above the day after. */
  recommended(at: number, months = 2): this {
    this.decided('proposeRecommendation', this.recommendationBody(months), 'decideRecommendation', at);
    const served = this.ago(at - 2);
    this.add('prosecutor', 'recordRecommendationService', {
      recommendationId: 'rec-1',
      servedOn: served,
      receivedOn: served,
    });
    return this.add('prosecutor', 'recordRecommendationFiledAbove', {
      recommendationId: 'rec-1',
      filedOn: this.ago(at - 3),
    });
  }

  replied(at: number, claim: Payloads['recordReply']['claim'], summary: string): this {
    return this.add('prosecutor', 'recordReply', {
      recommendationId: 'rec-1',
      repliedOn: this.ago(at),
      claim,
      summary,
    });
  }

  rectified(at: number): this {
    return this.add('prosecutor', 'recordFinding', {
      recommendationId: 'rec-1',
      checkedOn: this.ago(at),
      result: 'rectified',
      reasons: [],
      summary: '实地复查：建议事项已全部整改到位',
    });
  }

  notRectified(at: number): this {
    return this.add('prosecutor', 'recordFinding', {
      recommendationId: 'rec-1',
      checkedOn: this.ago(at),
      result: 'not_rectified',
      reasons: ['replied_without_action'],
      summary: '整改期满后跟进调查：行政机关仅作书面回复，损害仍在持续',
    });
  }

  revisited(at: number): this {
    return this.add('prosecutor', 'recordRevisit', {
      checkedOn: this.ago(at),
      result: 'sustained',
      organIds: [],
      summary: '回头看：整改成效巩固，未见反弹',
    });
  }

  /** Sued: decided on `at`, the complaint filed and served five days later, a judgment after `judgedAfter`. */
  sued(at: number, judgedAfter?: number): this {
    this.decided(
      'proposeLitigation',
      { reason: '行政机关仍未依法履职，国家利益持续受损', organIds: [DEMO_ORGANS[this.lead.organ]] },
      'decideLitigation',
      at,
    );
    this.add('prosecutor', 'recordCourtFiling', {
      court: '南京市浦口区人民法院',
      filedOn: this.ago(at - 5),
      servedOn: this.ago(at - 5),
    });
    this.add('prosecutor', 'recordComplaintReportedAbove', { reportedOn: this.ago(at - 6) });
    if (judgedAfter === undefined) return this;
    return this.add('prosecutor', 'recordJudgment', {
      kind: 'judgment',
      decidedOn: this.ago(at - judgedAfter),
      servedOn: this.ago(at - judgedAfter - 2),
      outcome: 'upheld',
      summary: '确认被告未依法履职违法，责令其继续履行法定职责',
    });
  }

  terminated(at: number): this {
    return this.add('chief', 'terminate', {
      decidedOn: this.ago(at),
      reason: '行政机关在调查期间已主动纠正，公益已得到有效保护',
      ground: 'interest_protected',
    });
  }
}

/**
 * The shapes the generated cases take: the range of days ago their lead came in, and the story
 * from there (`r`: this case's days ago), from a lead still being evaluated to a suit decided.
 */
const SHAPES: { received: [number, number]; plot: (p: Plot, r: number) => Plot }[] = [
  { received: [2, 20], plot: (p) => p },
  { received: [6, 25], plot: (p, r) => p.proposeFiling(r - 3) },
  { received: [8, 25], plot: (p, r) => p.reviewedFiling(r - 4) },
  { received: [30, 80], plot: (p, r) => p.filed(r - 5) },
  { received: [45, 90], plot: (p, r) => p.filed(r - 5).proposedRecommendation(3) },
  { received: [70, 100], plot: (p, r) => p.filed(r - 5).recommended(40) },
  {
    received: [120, 170],
    plot: (p, r) =>
      p
        .filed(r - 5)
        .recommended(95, 4)
        .replied(45, 'in_progress', '已制定整改方案，正在推进'),
  },
  {
    received: [290, 700],
    plot: (p, r) =>
      p
        .filed(r - 5)
        .recommended(r - 25)
        .replied(r - 65, 'rectified', '已按建议全部整改')
        .rectified(r - 85)
        .revisited(r - 85 - 170),
  },
  { received: [140, 400], plot: (p, r) => p.filed(r - 5).terminated(r - 30) },
  { received: [40, 300], plot: (p, r) => p.declined(r - 10) },
  {
    received: [330, 720],
    plot: (p, r) =>
      p
        .filed(r - 5)
        .recommended(r - 20)
        .replied(r - 60, 'refused', '认为已履行监管职责，不予整改')
        .notRectified(r - 90)
        .sued(r - 100, 90),
  },
];

/** The three stories at the stages the issue names, then `extra` more, the same each time for the same day. */
export function demoCases(today: string, extra = 40): DemoCase[] {
  const at = (lead: Lead) => new Plot(today, lead);
  const cases: DemoCase[] = [
    // Recommendation to 区生态环境局 served 90 days ago: its 2-month reply is overdue.
    {
      key: 'story-solid-waste',
      lead: SOLID_WASTE,
      receivedOn: addDays(today, -120),
      steps: at(SOLID_WASTE).filed(110).recommended(92, 3).steps,
    },
    // 区市场监督管理局 rectified; the case closed nearly six months ago, so its 回头看 is due.
    {
      key: 'story-food-delivery',
      lead: FOOD_DELIVERY,
      receivedOn: addDays(today, -330),
      steps: at(FOOD_DELIVERY)
        .filed(320)
        .recommended(300)
        .replied(250, 'rectified', '已约谈平台并下架无证商户 46 家')
        .rectified(178).steps,
    },
    // 江浦街道办事处's rectification period ended two weeks ago, nothing done: litigation review.
    {
      key: 'story-farm-subsidy',
      lead: FARM_SUBSIDY,
      receivedOn: addDays(today, -130),
      steps: at(FARM_SUBSIDY)
        .filed(120)
        .recommended(77)
        .replied(40, 'in_progress', '已向行为人发出追缴通知，尚未追回')
        .notRectified(5).steps,
    },
  ];
  for (let i = 0; i < extra; i += 1) {
    const lead = LEADS[(i * 7) % LEADS.length]!;
    const shape = SHAPES[i % SHAPES.length]!;
    const [from, to] = shape.received;
    const received = from + ((i * 37) % (to - from + 1));
    const plot = shape.plot(new Plot(today, lead), received);
    cases.push({ key: `demo-${i + 1}`, lead, receivedOn: addDays(today, -received), steps: plot.steps });
  }
  return cases;
}

/** Signs the three demo staff in and drives `cases` through the API at `baseUrl`. */
export async function loadDemoCases(
  baseUrl: string,
  cases: DemoCase[],
  log: (message: string) => void,
): Promise<number> {
  const api = new DemoApi(baseUrl);
  const tokens = {
    prosecutor: await api.login(ACCOUNTS.prosecutor),
    head: await api.login(ACCOUNTS.head),
    chief: await api.login(ACCOUNTS.chief),
  };
  let done = 0;
  for (const demo of cases) {
    const registered = await api.send(tokens.prosecutor, 'POST', '/api/cases', demo.key, {
      title: demo.lead.title,
      description: demo.lead.description,
      track: 'administrative',
      domainCode: demo.lead.domainCode,
      source: demo.lead.source,
      receivedOn: demo.receivedOn,
    });
    const caseId = (registered.id ?? registered.caseId) as string;
    for (const [i, step] of demo.steps.entries()) {
      await api.send(
        tokens[step.who],
        'POST',
        `/api/cases/${caseId}/actions/${step.action}`,
        `${demo.key}-${i}`,
        step.body,
      );
    }
    done += 1;
    if (done % 10 === 0 || done === cases.length) log(`demo cases: ${done}/${cases.length} loaded`);
  }
  return done;
}

/** Just enough of an API client for the loader: bearer tokens, JSON, and a retry on 202/503. */
class DemoApi {
  constructor(private readonly baseUrl: string) {}

  async login(username: string): Promise<string> {
    const body = await this.send(undefined, 'POST', '/api/auth/login', undefined, {
      username,
      password: DEMO_PASSWORD,
    });
    return body.accessToken as string;
  }

  /** Sends once, and again with the same Idempotency-Key while the answer is "pending" (202) or 503. */
  async send(
    token: string | undefined,
    method: string,
    path: string,
    key: string | undefined,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt += 1) {
      const res = await fetch(this.baseUrl + path, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
          ...(key && { 'idempotency-key': key }),
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.ok && res.status !== 202) return answer;
      if ((res.status === 202 || res.status === 503) && attempt < 30) {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
    }
  }
}

/** Today in Asia/Shanghai. */
export function demoToday(now = new Date()): string {
  return shanghaiDate(now);
}

/**
 * How many generated cases npm start adds to the three stories: `--demo-cases=N` (default 40);
 * undefined with `--no-demo-cases`.
 */
export function demoCasesWanted(argv: readonly string[]): number | undefined {
  if (argv.includes('--no-demo-cases')) return undefined;
  const given = argv.find((a) => a.startsWith('--demo-cases='));
  if (!given) return 40;
  const n = Number(given.slice('--demo-cases='.length));
  if (!Number.isInteger(n) || n < 0 || n > 500)
    throw new Error(`${given}: give a whole number from 0 to 500`);
  return n;
}
