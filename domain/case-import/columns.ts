/**
 * The case-import workbook (既往案件批量导入): one row per administrative case, its columns, what
 * each one means, and the limits of one upload. Shared by the template, the dry run and the web page.
 */
import { NON_PERFORMANCE_REASONS } from '../case/vocabulary';
import { LEAD_SOURCES } from '../case/stages';

/** Largest workbook accepted, in bytes, and most case rows in one workbook. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
/** Recommendations (each to one organ) one row can carry. */
export const IMPORT_MAX_RECOMMENDATIONS = 3;

export const CASE_SHEET = '案件';
export const HELP_SHEET = '填写说明';

export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  help: string;
}

const leadColumns: ImportColumn[] = [
  {
    key: 'externalRef',
    header: '原案号',
    required: true,
    help: '本院原有的案件编号；同一院内唯一，重复导入以此识别，已导入的行不再导入',
  },
  { key: 'title', header: '线索名称', required: true, help: '不超过 200 字' },
  { key: 'description', header: '线索内容', required: true, help: '不超过 10000 字' },
  {
    key: 'domain',
    header: '领域',
    required: true,
    help: '领域名称或领域代码，如“生态环境和资源保护”或 ecology',
  },
  {
    key: 'source',
    header: '线索来源',
    required: true,
    help: `以下之一：${Object.values(LEAD_SOURCES).join('、')}`,
  },
  { key: 'receivedOn', header: '收到线索日期', required: true, help: '日期，如 2025-03-01' },
  {
    key: 'handler',
    header: '承办人账号',
    required: true,
    help: '本院检察官或部门负责人的登录账号；提请、送达、回复等由其登记',
  },
  {
    key: 'head',
    header: '部门负责人账号',
    required: false,
    help: '审核提请的部门负责人账号；不填则用本院第一位部门负责人',
  },
  {
    key: 'chief',
    header: '检察长账号',
    required: false,
    help: '作出立案、发出检察建议决定的检察长账号；不填则用本院第一位检察长',
  },
  {
    key: 'filedOn',
    header: '立案日期',
    required: false,
    help: '检察长决定立案的日期（提请、审核、决定均记为该日）；不填则案件停在线索阶段',
  },
  {
    key: 'organ',
    header: '被监督行政机关',
    required: false,
    help: '立案决定书送达的行政机关（须已在本院行政机关名录中）；不填则为建议1行政机关',
  },
  {
    key: 'filingServedOn',
    header: '立案决定书送达日期',
    required: false,
    help: '立案决定书送达被监督行政机关的日期',
  },
  { key: 'investigatedOn', header: '调查日期', required: false, help: '登记调查情况的日期' },
  {
    key: 'recommendedOn',
    header: '检察建议决定日期',
    required: false,
    help: '检察长决定发出检察建议的日期；填写时至少填写建议1',
  },
];

/** The columns of the `n`-th recommendation (1-based). */
export function recommendationColumns(n: number): ImportColumn[] {
  const c = (key: string, label: string, help: string): ImportColumn => ({
    key: `rec${n}.${key}`,
    header: `建议${n}${label}`,
    required: false,
    help,
  });
  return [
    c('organ', '行政机关', '被建议的行政机关名称（须已在本院行政机关名录中）'),
    c('summary', '内容', '检察建议的内容，每行一项'),
    c('months', '整改期限（月）', '检察建议书载明的整改期限，1 至 120 的整数（月）'),
    c('urgent', '紧急情形', '“是”：回复期限 15 日；不填或“否”：2 个月'),
    c('servedOn', '送达日期', '检察建议书送达日期（与签收日期一并填写）'),
    c('receivedOn', '签收日期', '行政机关签收日期，回复期限和整改期限自此起算'),
    c('filedAboveOn', '备案日期', '报上一级检察院备案的日期'),
    c('repliedOn', '回复日期', '行政机关书面回复的日期'),
    c('claim', '回复情况', `以下之一：${Object.values(REPLY_CLAIMS).join('、')}`),
    c('replySummary', '回复内容', '回复的主要内容；不填则记为回复情况'),
    c('checkedOn', '认定日期', '跟进调查、认定整改情况的日期（须在回复之后）'),
    c('result', '认定结果', `以下之一：${Object.values(FINDING_RESULTS).join('、')}`),
    c(
      'reason',
      '未履职情形',
      `认定结果不是“整改到位”时必填，以下之一：${Object.values(NON_PERFORMANCE_REASONS).join('；')}`,
    ),
  ];
}

export const REPLY_CLAIMS = {
  rectified: '已整改',
  partially_rectified: '部分整改',
  in_progress: '正在整改',
  refused: '拒不整改',
} as const;

export const FINDING_RESULTS = {
  rectified: '整改到位',
  partially_rectified: '部分整改',
  not_rectified: '未整改',
} as const;

export const IMPORT_COLUMNS: ImportColumn[] = [
  ...leadColumns,
  ...Array.from({ length: IMPORT_MAX_RECOMMENDATIONS }, (_, i) => recommendationColumns(i + 1)).flat(),
];

/** One row of the case sheet as read: header key → the cell's text (absent when empty). */
export type ImportRow = Record<string, string | undefined>;
