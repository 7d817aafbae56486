/**
 * The README's clock table is held to the clock catalogue row by row, and the catalogue to the clock
 * table of DOMAIN.md (../shared/DOMAIN.md, where the file is at hand: a clean clone has only the
 * README), with every intended difference listed here with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_DEFINITIONS } from '../../domain/period/clock-definitions';
import type { ClockId } from '../../domain/period/clock-types';
import { CLOCK_TABLE_HEADER, clockRows } from '../../scripts/clock-table';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOMAIN_MD = join(ROOT, '..', 'shared', 'DOMAIN.md');

/** The cells of a markdown table row, trimmed (prettier pads them to align the columns). */
const cellsOf = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

/** Rows of the markdown tables in `text` whose first cell is a `code` identifier, as id → cells. */
function codeRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = cellsOf(line);
    const id = /^`([a-z_]+)`$/.exec(cells[0] ?? '')?.[1];
    if (id) rows.set(id, cells);
  }
  return rows;
}

const HEADER = cellsOf(CLOCK_TABLE_HEADER[0]!);
const tableStart = README.split('\n').findIndex(
  (line) => JSON.stringify(cellsOf(line)) === JSON.stringify(HEADER),
);
const lines = README.split('\n').slice(Math.max(tableStart, 0));
/** The table's own rows: the lines from its header to the first line that is not a row. */
const readmeRows = codeRows(
  lines
    .slice(
      0,
      lines.findIndex((l) => !l.startsWith('|')),
    )
    .join('\n'),
);
const expected = clockRows();

describe('README.md clock table', () => {
  it('when the README shows the table, then it has the table’s header', () => {
    expect(tableStart).toBeGreaterThan(0);
  });

  it.each([...expected])(
    'when the catalogue has %s, then the README row says its name, start, length, counting and basis',
    (id, row) => {
      expect(readmeRows.get(id)).toEqual(cellsOf(row));
    },
  );

  it('when the README lists a clock, then the catalogue has it', () => {
    expect([...readmeRows.keys()].filter((id) => !expected.has(id))).toEqual([]);
  });
});

/** How DOMAIN.md words each length, per clock: the count it gives and its unit. */
interface DomainClock {
  /** DOMAIN.md's first cell, exactly. */
  row: string;
  /** The start, in DOMAIN.md's words (its second cell), for the catalogue's start event. */
  starts: string;
  /** The default length as DOMAIN.md states it, matched in its third cell. */
  length: RegExp;
  /** The urgent length, where DOMAIN.md gives one. */
  urgent?: RegExp;
}

const DOMAIN_CLOCKS: Partial<Record<ClockId, DomainClock>> = {
  lead_evaluation: { row: 'lead evaluation', starts: 'lead received', length: /default (\d+) (days)/ },
  filing_service: {
    row: 'serve the filing decision (立案决定书) on the organ',
    starts: 'filing (立案)',
    length: /(\d+) (days)/,
  },
  investigation: {
    row: 'investigation until recommendation or termination',
    starts: 'filing',
    length: /internal target (\d+) (months)/,
  },
  recommendation_service: {
    row: 'serve the recommendation (检察建议书)',
    starts: 'decision to issue it',
    length: /(\d+) (days)/,
  },
  recommendation_filing_above: {
    row: 'file the recommendation with the procuratorate above (备案)',
    starts: 'service',
    length: /(\d+) (days)/,
  },
  reply: {
    row: "organ's written reply",
    starts: "the organ's **receipt** of the recommendation",
    length: /^(\d+) (months)/,
    urgent: /(\d+) (days) when urgent/,
  },
  rectification: {
    row: 'rectification period (整改期限)',
    starts: 'receipt',
    length: /stated in the recommendation/,
  },
  litigation_review_admin: {
    row: 'litigation review (审查起诉), administrative',
    starts: "the rectification period's end (整改期满)",
    length: /^(\d+) (month)/,
  },
  announcement: { row: 'civil announcement (公告)', starts: 'publication', length: /(\d+) (days)/ },
  litigation_review_civil: {
    row: 'litigation review, civil',
    starts: "the announcement's end",
    length: /^(\d+) (months)/,
  },
  complaint_report_above: {
    row: 'report the complaint (起诉书) to the procuratorate above',
    starts: 'service on the court',
    length: /(\d+) (days)/,
  },
  appeal_judgment: {
    row: 'appeal',
    starts: 'service of the first-instance decision',
    length: /(\d+) (days) for a judgment/,
  },
  appeal_ruling: {
    row: 'appeal',
    starts: 'service of the first-instance decision',
    length: /(\d+) for a ruling/,
  },
  revisit: {
    row: 'revisit (回头看)',
    starts: 'closure after rectification',
    length: /default (\d+) (months)/,
  },
};

/** Where the catalogue and DOMAIN.md part on purpose, and why. */
const DIFFERENCES: Record<string, string> = {
  major_lead_report:
    'DOMAIN.md mentions the report of a major lead under "lead evaluation" without a period; the catalogue gives it its own clock, a policy length of 7 days (Rules art. 25 sets none).',
  rebound_follow_up:
    'DOMAIN.md has a rebound return to FOLLOW_UP with no clock; the catalogue adds a follow-up clock, a policy length of 1 month, so the rebound never leaves the case idle.',
  claim_change_filing:
    'DOMAIN.md has no row for withdrawing or changing the claim; the decision is filed with the court within 3 days (Rules arts. 84, 99).',
  support_withdrawal_notice:
    'DOMAIN.md has no row for withdrawing support; the decision reaches the court and the plaintiff within 3 days (Rules art. 102).',
  appeal_report_above:
    'DOMAIN.md has no row for the defendant’s appeal; it is reported above within 3 days of receiving its copy (Rules art. 62).',
  relatives_inquiry:
    'DOMAIN.md has no row for a 英雄烈士保护 case: before suing, the close relatives are asked whether they will sue (Rules art. 92; 两高解释 art. 13 para. 2) instead of the announcement; neither sets a period for a direct inquiry, so the catalogue gives the wait a policy length of 30 days, as long as the announcement it replaces.',
  'excluded from litigation review':
    'Not a clock: excluded spans (Rules art. 48) are recorded on the review or investigation clock (addExcludedDays, startAppraisal/endAppraisal).',
  'suspension (中止审查) and resumption (恢复审查)':
    'Not a clock: a suspension (Rules art. 78) stops the rectification and review clocks until resumed.',
};

/** DOMAIN.md's clock table as first cell → cells. */
function domainRows(text: string): Map<string, string[]> {
  const start = text.indexOf('| clock | starts | length |');
  const rows = new Map<string, string[]>();
  for (const line of text.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.set(cells[0]!, cells.slice(1));
  }
  return rows;
}

const domainIt = existsSync(DOMAIN_MD) ? it : it.skip;

describe('the clock catalogue against DOMAIN.md', () => {
  const domain = existsSync(DOMAIN_MD) ? domainRows(readFileSync(DOMAIN_MD, 'utf8')) : new Map();

  domainIt('when DOMAIN.md has a clock row, then the catalogue has it or the difference is listed', () => {
    const matched = new Set(Object.values(DOMAIN_CLOCKS).map((c) => c.row));
    const unmatched = [...domain.keys()].filter((row) => !matched.has(row) && !(row in DIFFERENCES));
    expect(domain.size).toBeGreaterThan(10);
    expect(unmatched).toEqual([]);
  });

  domainIt('when the catalogue has a clock, then DOMAIN.md has its row or the difference is listed', () => {
    const unmatched = Object.keys(CLOCK_DEFINITIONS).filter(
      (id) => !(id in DOMAIN_CLOCKS) && !(id in DIFFERENCES),
    );
    expect(unmatched).toEqual([]);
  });

  const rows = Object.entries(DOMAIN_CLOCKS) as [ClockId, DomainClock][];
  domainIt.each(rows)(
    'when DOMAIN.md states %s, then the catalogue has its start, length and counting',
    (id, clock) => {
      const cells = domain.get(clock.row);
      expect(cells).toBeDefined();
      const [starts, length] = cells!;
      const def = CLOCK_DEFINITIONS[id];
      expect(starts).toBe(clock.starts);
      const stated = clock.length.exec(length!);
      expect(stated).not.toBeNull();
      if (stated![1] === undefined) expect(def.defaultLength).toBeNull();
      else expect(def.defaultLength?.count).toBe(Number(stated![1]));
      if (stated![2])
        expect(def.defaultLength?.unit).toBe(stated![2].startsWith('month') ? 'months' : 'days');
      if (clock.urgent) expect(def.urgentLength?.count).toBe(Number(clock.urgent.exec(length!)?.[1]));
      // Counting: "default" / "internal target" / "no statutory period" → an internal target; an
      // extension "by 1 month" (or "as above") → the chief's one month, beyond that the procuratorate above.
      const internal = /default|internal target|no statutory period/.test(length!);
      expect(def.target).toBe(internal ? 'internal' : 'statutory');
      const extensible = /extend by 1 month|extensions as above/.test(length!);
      expect(def.extension).toEqual(
        extensible ? { grantedBy: 'chief', by: { unit: 'months', count: 1 }, beyond: '上级检察院' } : null,
      );
    },
  );
});
