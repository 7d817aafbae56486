/**
 * A fixed set of backfilled cases for the golden statistics: entered on 2026-11-30, their events
 * in 2025, several on either side of the 2025-06-30 / 2025-07-01 boundary, written at 23:30 and
 * 00:30 China time (15:30 and 16:30 UTC on 06-30), so a figure dated by the entry's timestamp or
 * counted in UTC lands in the wrong half-year. The expected tables are in golden.test.ts.
 */
import type { Db } from '../../../store/pool';
import type { TestOrg } from '../../helpers/fixtures';

const ENTERED = '2026-11-30T02:00:00Z';
/** The moment an entry dated `day` was written: late in the evening or just after midnight, China time. */
const at = (day: string) => (day === '2025-06-30' ? '2025-06-30T23:30:00+08:00' : `${day}T00:30:00+08:00`);

interface Rec {
  id: string;
  organ: keyof TestOrg['organs'];
  decided: string;
  served: string;
  received: string;
  due: string;
  replied: string | null;
  onTime: boolean | null;
  finding: string;
  outcome: string;
  rebounds?: number;
}
interface Entry {
  kind: string;
  day: string;
  data: Record<string, unknown>;
}
export interface GoldenCase {
  key: string;
  domain: string;
  track: 'administrative' | 'civil';
  source: string;
  stage: string;
  receivedOn: string;
  filedOn: string | null;
  litigated: (keyof TestOrg['organs'])[];
  recs: Rec[];
  entries: Entry[];
}

const finding = (rec: string, organ: string, checkedOn: string, result: string, reasons: string[] = []) => ({
  kind: 'recordFinding',
  day: checkedOn,
  data: { recommendationId: rec, organId: organ, checkedOn, result, reasons, summary: '跟进调查' },
});
const filing = (decidedOn: string) => ({
  kind: 'decideFiling',
  day: decidedOn,
  data: { approve: true, decidedOn },
});
const expired = (clockKey: string, due: string) => ({
  kind: 'clock_expired',
  day: due,
  data: { clockKey, due },
});

/** The cases; organ keys in findings are replaced by the org's organ ids when inserted. */
export const GOLDEN_CASES: GoldenCase[] = [
  {
    key: 'c1',
    domain: 'ecology',
    track: 'administrative',
    source: 'public_report',
    stage: 'CLOSED',
    receivedOn: '2025-06-30',
    filedOn: '2025-06-30',
    litigated: [],
    recs: [
      {
        id: 'rec-1',
        organ: 'eco',
        decided: '2025-07-01',
        served: '2025-07-01',
        received: '2025-07-02',
        due: '2025-09-01',
        replied: '2025-08-01',
        onTime: true,
        finding: 'rectified',
        outcome: 'rectified',
      },
      {
        id: 'rec-2',
        organ: 'market',
        decided: '2025-07-01',
        served: '2025-07-01',
        received: '2025-07-01',
        due: '2025-09-01',
        replied: '2025-07-11',
        onTime: true,
        finding: 'rectified',
        outcome: 'rectified',
      },
    ],
    entries: [
      filing('2025-06-30'),
      finding('rec-1', 'eco', '2025-09-15', 'rectified'),
      finding('rec-2', 'market', '2025-09-15', 'rectified'),
    ],
  },
  {
    key: 'c2',
    domain: 'ecology',
    track: 'administrative',
    source: 'self_discovered',
    stage: 'LITIGATION',
    receivedOn: '2025-07-01',
    filedOn: '2025-07-01',
    litigated: ['eco', 'market'],
    recs: [
      {
        id: 'rec-1',
        organ: 'eco',
        decided: '2025-07-10',
        served: '2025-07-11',
        received: '2025-07-12',
        due: '2025-09-12',
        replied: '2025-09-20',
        onTime: false,
        finding: 'not_rectified',
        outcome: 'non_performance',
      },
      {
        id: 'rec-2',
        organ: 'market',
        decided: '2025-07-10',
        served: '2025-07-11',
        received: '2025-07-11',
        due: '2025-08-11',
        replied: null,
        onTime: null,
        finding: 'no_reply',
        outcome: 'non_performance',
      },
    ],
    entries: [
      filing('2025-07-01'),
      expired('reply:rec-2', '2025-08-11'),
      finding('rec-2', 'market', '2025-08-20', 'no_reply', ['no_reply_no_action']),
      finding('rec-1', 'eco', '2025-09-25', 'not_rectified', ['replied_without_action', 'other']),
      {
        kind: 'recordCourtFiling',
        day: '2025-09-28',
        data: { court: '某区人民法院', filedOn: '2025-09-28', servedOn: '2025-09-29' },
      },
    ],
  },
  {
    key: 'c3',
    domain: 'food_drug',
    track: 'administrative',
    source: 'department_transfer',
    stage: 'LITIGATION_REVIEW',
    receivedOn: '2025-05-10',
    filedOn: '2025-05-20',
    litigated: [],
    recs: [
      {
        id: 'rec-1',
        organ: 'eco',
        decided: '2025-06-01',
        served: '2025-06-02',
        received: '2025-06-03',
        due: '2025-08-03',
        replied: '2025-06-30',
        onTime: true,
        finding: 'not_rectified',
        outcome: 'non_performance',
        rebounds: 1,
      },
    ],
    entries: [
      filing('2025-05-20'),
      finding('rec-1', 'eco', '2025-07-01', 'rectified'),
      {
        kind: 'recordRevisit',
        day: '2025-09-10',
        data: { checkedOn: '2025-09-10', result: 'rebound', organIds: ['eco'], summary: '反弹' },
      },
      // A finding recorded under the earlier list of reasons still counts, with its legacy key.
      finding('rec-1', 'eco', '2025-09-30', 'not_rectified', ['measures_not_implemented', 'harm_persists']),
    ],
  },
  {
    key: 'c4',
    domain: 'ecology',
    track: 'civil',
    source: 'media',
    stage: 'TERMINATED',
    receivedOn: '2025-07-05',
    filedOn: '2025-07-05',
    litigated: [],
    recs: [],
    entries: [
      filing('2025-07-05'),
      expired('announcement', '2025-07-31'),
      { kind: 'terminate', day: '2025-08-01', data: { decidedOn: '2025-08-01' } },
    ],
  },
  {
    key: 'c5',
    domain: 'ecology',
    track: 'administrative',
    source: 'public_report',
    stage: 'LEAD',
    receivedOn: '2025-10-01',
    filedOn: null,
    litigated: [],
    recs: [],
    entries: [],
  },
  {
    key: 'c6',
    domain: 'ecology',
    track: 'administrative',
    source: 'public_report',
    stage: 'JUDGMENT',
    receivedOn: '2024-12-01',
    filedOn: '2024-12-10',
    litigated: ['street'],
    recs: [
      {
        id: 'rec-1',
        organ: 'street',
        decided: '2025-01-05',
        served: '2025-01-06',
        received: '2025-01-06',
        due: '2025-03-06',
        replied: null,
        onTime: null,
        finding: 'no_reply',
        outcome: 'non_performance',
      },
    ],
    entries: [
      filing('2024-12-10'),
      expired('reply:rec-1', '2025-03-06'),
      finding('rec-1', 'street', '2025-03-10', 'no_reply', ['no_reply_no_action']),
      {
        kind: 'recordCourtFiling',
        day: '2025-06-30',
        data: { court: '某区人民法院', filedOn: '2025-06-30', servedOn: '2025-06-30' },
      },
      {
        kind: 'recordJudgment',
        day: '2025-07-01',
        data: {
          kind: 'judgment',
          decidedOn: '2025-07-01',
          servedOn: '2025-07-02',
          outcome: 'upheld',
          instance: 1,
        },
      },
    ],
  },
];

export const caseIdOf = (org: TestOrg, key: string) => `${org.procuratorateId}-${key}`;

/** Writes the cases as the workflow's projection and timeline would have them. */
export async function insertGoldenCases(db: Db, org: TestOrg): Promise<void> {
  const organ = (k: string) => org.organs[k as keyof TestOrg['organs']] ?? k;
  for (const c of GOLDEN_CASES) {
    const id = caseIdOf(org, c.key);
    const summary = {
      receivedOn: c.receivedOn,
      filedOn: c.filedOn,
      litigatedOrganIds: c.litigated.map(organ),
    };
    await db.query(
      `INSERT INTO cases (id, procuratorate_id, workflow_id, title, track, stage, domain_code, source, handler_id,
         organ_ids, summary, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        id,
        org.procuratorateId,
        `case-${id}`,
        `统计样本 ${c.key}`,
        c.track,
        c.stage,
        c.domain,
        c.source,
        org.prosecutor.id,
        c.recs.map((r) => organ(r.organ)),
        JSON.stringify(summary),
        ENTERED,
      ],
    );
    for (const r of c.recs) await insertRecommendation(db, org, id, r);
    let seq = 0;
    for (const e of c.entries) {
      seq += 1;
      const data = JSON.parse(
        JSON.stringify(e.data, (k, v) => (k === 'organId' ? organ(v) : k === 'organIds' ? v.map(organ) : v)),
      );
      await db.query(
        `INSERT INTO audit_entries (case_id, seq, at, actor_id, kind, stage, data, prev_hash, hash, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'golden', 'golden', $8)`,
        [id, seq, at(e.day), org.prosecutor.id, e.kind, c.stage, JSON.stringify(data), ENTERED],
      );
    }
  }
}

async function insertRecommendation(db: Db, org: TestOrg, caseId: string, r: Rec): Promise<void> {
  await db.query(
    `INSERT INTO case_recommendations (case_id, recommendation_id, procuratorate_id, organ_id, urgent, status, decided_on,
       served_on, received_on, reply_due, replied_on, replied_on_time, finding, outcome, rebounds, updated_at)
     VALUES ($1, $2, $3, $4, false, 'settled', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      caseId,
      r.id,
      org.procuratorateId,
      org.organs[r.organ],
      r.decided,
      r.served,
      r.received,
      r.due,
      r.replied,
      r.onTime,
      r.finding,
      r.outcome,
      r.rebounds ?? 0,
      ENTERED,
    ],
  );
}
