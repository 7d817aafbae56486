/**
 * Prints the clock table of README.md ("Case lifecycle", **Clocks**) from the clock catalogue:
 * `npx tsx scripts/clock-table.ts`. tests/unit/readme-clocks.test.ts holds the README to it row by
 * row, and the catalogue to DOMAIN.md's clock table where that file is at hand.
 */
import { CLOCK_DEFINITIONS } from '../domain/period/clock-definitions';
import type { ClockDefinition } from '../domain/period/clock-types';
import type { PeriodLength } from '../domain/period/request';

export const CLOCK_TABLE_HEADER = [
  '| clock | 期限 | 起算 | 长度 | 计算 | 依据 |',
  '| --- | --- | --- | --- | --- | --- |',
];

const lengthText = (p: PeriodLength) => `${p.count} ${p.unit === 'days' ? '日' : '个月'}`;

/** The length: the default, and the urgent one where the clock has it. */
export function clockLength(def: ClockDefinition): string {
  if (!def.defaultLength) return '检察建议书载明';
  const urgent = def.urgentLength ? `；紧急情形 ${lengthText(def.urgentLength)}` : '';
  return lengthText(def.defaultLength) + urgent;
}

/** How the period is counted beyond its length: statutory or an internal target, and who may extend it. */
export function clockCounting(def: ClockDefinition): string {
  const from = '次日起算，末日遇休息日顺延';
  if (def.target === 'internal') return `内部目标（管理员可调整长度，部门负责人或检察长可延长）；${from}`;
  // A period the recommendation states (整改期限) is extended like an internal target (rules/clocks.ts).
  if (!def.defaultLength) return `建议书载明的期限，部门负责人或检察长可延长；${from}`;
  const ext = def.extension;
  if (!ext) return `法定期限，不得延长；${from}`;
  return `法定期限，检察长可延长 ${lengthText(ext.by)}，再延长报${ext.beyond}；${from}`;
}

/** Instruments the table names by their short title, as the README's text does. */
const SHORT_TITLES: Record<string, string> = {
  '《人民检察院公益诉讼办案规则》': '《办案规则》',
  '《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》': '《两高解释》',
};

export function clockBasis(def: ClockDefinition): string {
  return def.basis.map((b) => `${SHORT_TITLES[b.instrument] ?? b.instrument}${b.article ?? ''}`).join('；');
}

/** One row per clock, in catalogue order. */
export function clockRows(): Map<string, string> {
  return new Map(
    Object.values(CLOCK_DEFINITIONS).map((def) => [
      def.id,
      `| \`${def.id}\` | ${def.name} | ${def.startEvent.name} | ${clockLength(def)} | ${clockCounting(def)} | ${clockBasis(def)} |`,
    ]),
  );
}

export function clockTable(): string {
  return [...CLOCK_TABLE_HEADER, ...clockRows().values()].join('\n');
}

if (require.main === module) console.log(clockTable());
