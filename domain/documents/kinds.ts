/**
 * The kinds of statutory document (法律文书) the product makes: their titles, the default code in
 * their number (文号) and the template each is rendered from. Pure data, shared by the workflow,
 * the store, the renderer and the API. A kind added later gets a row here and a template file.
 */
export const DOCUMENT_KINDS = {
  filing_decision: {
    title: '立案决定书',
    code: '行公立',
    basis: '《人民检察院公益诉讼办案规则》第七十条',
  },
  recommendation: {
    title: '检察建议书',
    code: '行公建',
    basis: '《人民检察院公益诉讼办案规则》第七十五条',
  },
  service_receipt: {
    title: '送达回证',
    code: '行公送',
    basis: '《人民检察院公益诉讼办案规则》第七十六条',
  },
  not_filing_decision: {
    title: '不立案决定书',
    code: '公不立',
    basis: '《人民检察院公益诉讼办案规则》第七十四条、第九十条',
  },
  termination_decision: {
    title: '终结案件决定书',
    code: '公终',
    basis: '《人民检察院公益诉讼办案规则》第七十四条、第九十条',
  },
  suspension_decision: {
    title: '中止审查决定书',
    code: '公中',
    basis: '《人民检察院公益诉讼办案规则》第七十八条',
  },
  resumption_decision: {
    title: '恢复审查决定书',
    code: '公恢',
    basis: '《人民检察院公益诉讼办案规则》第七十八条',
  },
  pretrial_notice: {
    title: '诉前公告',
    code: '民公告',
    basis: '《人民检察院公益诉讼办案规则》第九十一条',
  },
  investigation_report: {
    title: '调查终结报告',
    code: '公调终',
    basis: '《人民检察院公益诉讼办案规则》第七十三条、第八十九条',
  },
  review_report: {
    title: '审查终结报告',
    code: '公审终',
    basis: '《人民检察院公益诉讼办案规则》第七十九条、第九十四条',
  },
  administrative_complaint: {
    title: '行政公益诉讼起诉书',
    code: '行公诉',
    basis: '《中华人民共和国行政诉讼法》第二十五条第四款',
  },
  civil_complaint: {
    title: '民事公益诉讼起诉书',
    code: '民公诉',
    basis: '《中华人民共和国民事诉讼法》第五十八条第二款',
  },
  support_opinion: {
    title: '支持起诉意见书',
    code: '民公支',
    basis: '《人民检察院公益诉讼办案规则》第一百零一条',
  },
  suit_withdrawal_decision: {
    title: '撤回起诉决定书',
    code: '公撤诉',
    basis: '《人民检察院公益诉讼办案规则》第八十四条、第九十九条',
  },
  support_withdrawal_decision: {
    title: '撤回支持起诉决定书',
    code: '民公撤支',
    basis: '《人民检察院公益诉讼办案规则》第一百零二条',
  },
  court_appearance_notice: {
    title: '派员出庭通知书',
    code: '公出庭',
    basis: '《人民检察院公益诉讼办案规则》第二章第六节（出席第一审法庭）',
  },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_IDS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

export type DocumentStatus = 'draft' | 'issued' | 'superseded';

/** How a procuratorate numbers its documents. */
export interface NumberingSettings {
  shortName: string;
  /** The code of each kind in the number, e.g. 行公建. */
  kindCodes: Record<DocumentKind, string>;
}

/** The number in the usual form: 浦检行公建〔2026〕3号. */
export function formatDocumentNumber(
  settings: NumberingSettings,
  kind: DocumentKind,
  year: number,
  seq: number,
): string {
  return `${settings.shortName}${settings.kindCodes[kind]}〔${year}〕${seq}号`;
}

/**
 * The short name a procuratorate uses in its numbers when it has set none: the first character
 * of its place name and 检, the common practice (浦口区人民检察院 → 浦检; 南京市人民检察院 → 南检).
 */
export function defaultShortName(procuratorateName: string): string {
  const place = procuratorateName.replace(/人民检察院$/, '').replace(/检察院$/, '');
  const segments = place.split(/[省市]/).filter((s) => s.length > 0);
  const last = segments.at(-1) ?? place;
  return `${[...last][0] ?? ''}检`;
}

export function defaultNumbering(procuratorateName: string): NumberingSettings {
  const kindCodes = Object.fromEntries(DOCUMENT_KIND_IDS.map((k) => [k, DOCUMENT_KINDS[k].code]));
  return {
    shortName: defaultShortName(procuratorateName),
    kindCodes: kindCodes as NumberingSettings['kindCodes'],
  };
}
