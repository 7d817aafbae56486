/**
 * The layouts of the documents of the end of the investigation, the review and the suit, built by
 * scripts/build-document-templates.ts with its paragraph helpers (passed in, so that this file
 * imports nothing of it).
 */
interface LineLike {
  text: string;
  align?: 'left' | 'center' | 'right' | 'both';
}

export interface LayoutKit<L extends LineLike> {
  head: (title: string) => L[];
  foot: L[];
  body: (text: string) => L;
  heading: (text: string) => L;
  line: (text: string) => L;
  caseLines: L[];
}

/** A list in the data, one paragraph per entry. */
function each<L extends LineLike>(k: LayoutKit<L>, list: string): L[] {
  return [k.line(`{{FOR x IN ${list}}}`), k.body('{{INS $x}}'), k.line(`{{END-FOR x}}`)];
}

/** An internal report: the case, the facts, the handler's findings and proposals, signed by the handler. */
function report<L extends LineLike>(k: LayoutKit<L>, title: string): L[] {
  return [
    ...k.head(title),
    ...k.caseLines,
    k.body('案件来源：{{INS source}}'),
    k.body('所属领域：{{INS domain}}'),
    k.heading('一、案件基本情况'),
    k.body('{{INS facts}}'),
    k.heading('二、认定的事实和理由'),
    k.body('{{INS findings}}'),
    k.heading('三、处理意见'),
    k.body('根据{{INS basis}}的规定，承办检察官建议{{INS conclusion}}：'),
    ...each(k, 'proposals'),
    k.body('以上意见，请审批。'),
    k.line(''),
    { ...k.line('承办检察官：{{INS handler}}'), align: 'right' },
    { ...k.line('{{INS issuedDate}}'), align: 'right' },
  ];
}

/** A complaint: plaintiff, defendants, claims, facts and reasons, the pre-suit procedure, the court. */
function complaint<L extends LineLike>(k: LayoutKit<L>, title: string): L[] {
  return [
    ...k.head(title),
    k.body('公益诉讼起诉人：{{INS procuratorate}}'),
    ...each(k, 'defendants'),
    k.body('案由：{{INS caseTitle}}（{{INS caseNumber}}）'),
    k.heading('诉讼请求'),
    ...each(k, 'claims'),
    k.heading('事实和理由'),
    k.body('{{INS facts}}'),
    k.body('{{INS reasons}}'),
    k.heading('诉前程序'),
    ...each(k, 'pretrial'),
    k.body(
      '综上所述，被告的行为损害了{{INS domain}}领域的国家利益或者社会公共利益。根据{{INS basis}}的规定，' +
        '本院作为公益诉讼起诉人提起诉讼，请依法裁判。证据目录及证据材料另附。',
    ),
    k.line('此致'),
    k.line('{{INS court}}'),
    ...k.foot,
  ];
}

/** To the court: the case, the decision, its ground and reason. */
function toCourt<L extends LineLike>(k: LayoutKit<L>, title: string, decision: L[]): L[] {
  return [...k.head(title), k.line('{{INS court}}：'), ...decision, ...k.caseLines, ...k.foot];
}

export function litigationLayouts<L extends LineLike>(k: LayoutKit<L>): Record<string, L[]> {
  return {
    investigation_report: report(k, '调查终结报告'),
    review_report: report(k, '审查终结报告'),
    administrative_complaint: complaint(k, '行政公益诉讼起诉书'),
    civil_complaint: complaint(k, '民事公益诉讼起诉书'),
    support_opinion: toCourt(k, '支持起诉意见书', [
      k.body('{{INS plaintiff}}就{{INS caseTitle}}向你院提起民事公益诉讼，本院依法支持起诉。'),
      k.heading('一、案件事实'),
      k.body('{{INS facts}}'),
      k.heading('二、支持起诉的方式'),
      k.body('{{INS forms}}'),
      k.heading('三、支持起诉的意见和理由'),
      k.body('{{INS opinion}}'),
      k.body('根据{{INS basis}}的规定，本院支持{{INS plaintiff}}提起诉讼，请依法审理。'),
    ]),
    suit_withdrawal_decision: toCourt(k, '撤回起诉决定书', [
      k.body('本院对{{INS caseTitle}}提起的{{INS suit}}，现有下列情形：{{INS ground}}。'),
      k.heading('撤回起诉的理由'),
      k.body('{{INS reason}}'),
      k.body('根据{{INS basis}}的规定，本院决定撤回起诉。'),
    ]),
    support_withdrawal_decision: toCourt(k, '撤回支持起诉决定书', [
      k.body(
        '本院支持{{INS plaintiff}}就{{INS caseTitle}}提起的民事公益诉讼，现有下列情形：{{INS situation}}。',
      ),
      k.heading('撤回支持起诉的理由'),
      k.body('{{INS reason}}'),
      k.body('根据{{INS basis}}的规定，本院决定撤回支持起诉。本决定书同时送达{{INS plaintiff}}。'),
    ]),
    court_appearance_notice: toCourt(k, '派员出庭通知书', [
      k.body(
        '本院于{{INS filedDate}}向你院提起的{{INS caseTitle}}{{INS suit}}一案，' +
          '本院决定派检察员{{INS prosecutors}}以公益诉讼起诉人身份出席法庭，依法履行职责。',
      ),
      k.body('依据：{{INS basis}}'),
      k.body('特此通知。'),
    ]),
  };
}
