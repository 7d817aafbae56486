/**
 * Builds the default document templates (documents/templates/*.docx) from the layouts below:
 * minimal WordprocessingML in the form of official documents (《党政机关公文格式》 GB/T 9704):
 * A4, the title in 黑体, the body in 仿宋 三号, the number (文号) line, the issuing procuratorate
 * and the date in Chinese numerals at the foot. Placeholders are docx-templates commands.
 *   npx tsx scripts/build-document-templates.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { TEMPLATE_DIR } from '../documents/templates';
import { litigationLayouts } from './litigation-layouts';

type Align = 'left' | 'center' | 'right' | 'both';
interface Line {
  text: string;
  font?: '仿宋' | '黑体';
  /** Half-points: 44 二号 (title), 32 三号 (body). */
  size?: number;
  align?: Align;
  indent?: boolean;
  bold?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph({
  text,
  font = '仿宋',
  size = 32,
  align = 'both',
  indent = false,
  bold = false,
}: Line): string {
  const fonts = `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}"/>`;
  const run = `<w:rPr>${fonts}${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const ind = indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : '';
  return (
    `<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/>${ind}<w:jc w:val="${align}"/>${run}</w:pPr>` +
    `<w:r>${run}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`
  );
}

/**
 * A table with a header row and one row per item of a list in the data: `each` is the loop, e.g.
 * 'd IN domains', and each cell a placeholder such as '{{INS $d.name}}' (docx-templates repeats the
 * rows between the FOR and END-FOR rows, which it removes).
 */
interface Table {
  header: string[];
  each: string;
  cells: string[];
}

const cell = (text: string, bold = false) =>
  `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph({ text, size: 24, align: 'center', bold })}</w:tc>`;
const row = (cells: string[], bold = false) => `<w:tr>${cells.map((c) => cell(c, bold)).join('')}</w:tr>`;
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('');

function tableXml({ header, each, cells }: Table): string {
  const variable = each.split(' ')[0]!;
  const empty = cells.slice(1).map(() => '');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr>` +
    `<w:tblGrid>${cells.map(() => '<w:gridCol/>').join('')}</w:tblGrid>` +
    row(header, true) +
    row([`{{FOR ${each}}}`, ...empty]) +
    row(cells) +
    row([`{{END-FOR ${variable}}}`, ...empty]) +
    '</w:tbl>'
  );
}

const isTable = (part: Line | Table): part is Table => 'cells' in part;

const body = (text: string): Line => ({ text, indent: true });
const heading = (text: string): Line => ({ text, font: '黑体', indent: true });
const blank: Line = { text: '' };

/** The head every kind shares: the procuratorate, the document's title and its number. */
const head = (title: string): Line[] => [
  { text: '{{INS procuratorate}}', font: '黑体', size: 44, align: 'center' },
  { text: title, font: '黑体', size: 44, align: 'center' },
  blank,
  { text: '{{INS number}}', align: 'right' },
  blank,
];

/** The foot: the issuing procuratorate and the date in Chinese numerals (落款). */
const foot: Line[] = [
  blank,
  blank,
  { text: '{{INS procuratorate}}', align: 'right' },
  { text: '{{INS issuedDate}}', align: 'right' },
];

export const LAYOUTS: Record<string, Line[]> = {
  filing_decision: [
    ...head('立案决定书'),
    body('案件名称：{{INS caseTitle}}'),
    body('案件编号：{{INS caseNumber}}'),
    body('案件来源：{{INS source}}'),
    body('所属领域：{{INS domain}}'),
    heading('一、线索情况'),
    body('{{INS facts}}'),
    heading('二、立案理由'),
    body('{{INS reason}}'),
    heading('三、决定'),
    body('根据{{INS basis}}的规定，本院决定对{{INS caseTitle}}立案调查。'),
    ...foot,
  ],
  recommendation: [
    ...head('检察建议书'),
    { text: '{{INS organName}}：' },
    body('本院在履行公益诉讼检察职责中发现你单位存在不依法履行职责的情形，现将有关事项通报如下。'),
    heading('一、案件来源'),
    body('{{INS source}}'),
    heading('二、国家利益或者社会公共利益受到侵害的事实'),
    body('{{INS harmFacts}}'),
    heading('三、认定行政机关不依法履行职责的事实和理由'),
    body('{{INS nonPerformance}}'),
    heading('四、提出检察建议的法律依据'),
    body('{{INS legalBasis}}'),
    heading('五、建议的具体内容'),
    body('根据上述规定，本院向你单位提出如下检察建议：'),
    { text: '{{FOR item IN items}}' },
    body('{{INS $item}}'),
    { text: '{{END-FOR item}}' },
    heading('六、整改期限'),
    body('{{INS rectification}}'),
    heading('七、其他事项'),
    body('{{INS otherMatters}}'),
    ...foot,
  ],
};
/** The case a decision concerns, at the head of its body. */
const caseLines = [body('案件名称：{{INS caseTitle}}'), body('案件编号：{{INS caseNumber}}')];

LAYOUTS.not_filing_decision = [
  ...head('不立案决定书'),
  ...caseLines,
  body('案件来源：{{INS source}}'),
  body('所属领域：{{INS domain}}'),
  heading('一、线索情况'),
  body('{{INS facts}}'),
  heading('二、不立案的理由'),
  body('{{INS reason}}'),
  heading('三、决定'),
  body('根据{{INS basis}}的规定，本院决定对{{INS caseTitle}}不予立案。'),
  ...foot,
];
LAYOUTS.termination_decision = [
  ...head('终结案件决定书'),
  ...caseLines,
  body('所属领域：{{INS domain}}'),
  heading('一、案件情况'),
  body('{{INS facts}}'),
  heading('二、终结的情形'),
  body('{{INS ground}}。'),
  heading('三、终结的理由'),
  body('{{INS reason}}'),
  heading('四、决定'),
  body('根据{{INS basis}}的规定，{{INS outcome}}'),
  ...foot,
];
/** 中止 and 恢复审查 share a layout but for the title and the decision's verb. */
const reviewStep = (title: string, verb: string): Line[] => [
  ...head(title),
  ...caseLines,
  heading(`一、${verb}审查的理由`),
  body('{{INS reason}}'),
  heading('二、决定'),
  body(`根据{{INS basis}}的规定，本院决定自{{INS effectiveDate}}起${verb}对{{INS caseTitle}}的审查。`),
  ...foot,
];
LAYOUTS.suspension_decision = reviewStep('中止审查决定书', '中止');
LAYOUTS.resumption_decision = reviewStep('恢复审查决定书', '恢复');
LAYOUTS.service_receipt = [
  ...head('送达回证'),
  ...caseLines,
  body('送达文书：{{INS documentTitle}}'),
  body('文书文号：{{INS documentNumber}}'),
  body('受送达单位：{{INS recipient}}'),
  body('送达日期：{{INS servedDate}}'),
  body('签收日期：{{INS receivedDate}}'),
  body('送达人：{{INS server}}'),
  body('受送达单位签收（盖章）：'),
  body('依据：{{INS basis}}'),
  ...foot,
];
LAYOUTS.pretrial_notice = [
  ...head('诉前公告'),
  body(
    '本院在履行公益诉讼检察职责中发现{{INS caseTitle}}（{{INS caseNumber}}），损害{{INS domain}}领域社会公共利益。',
  ),
  heading('一、损害社会公共利益的事实'),
  body('{{INS facts}}'),
  heading('二、公告事项'),
  body(
    '根据{{INS basis}}的规定，现予公告：法律规定的机关和有关组织，以及生态环境损害赔偿权利人，' +
      '可以自本公告发布之日起{{INS period}}内依法向人民法院提起诉讼，或者进行生态环境损害赔偿磋商；' +
      '有意提起诉讼的，请于公告期内书面告知本院。公告期满，法律规定的机关和有关组织、生态环境损害赔偿权利人' +
      '不提起诉讼的，本院将依法提起民事公益诉讼。',
  ),
  body('公告期间：自公告发布之日起{{INS period}}。'),
  body('公告媒体：{{INS medium}}'),
  body('联系人：{{INS contactPerson}}'),
  body('联系电话：{{INS contactPhone}}'),
  ...foot,
];

/** Version 2: an issued recommendation carries the QR code of its verification page. */
LAYOUTS['recommendation-v2'] = [
  ...LAYOUTS.recommendation!,
  { text: '{{IF verifyUrl}}' },
  { text: '{{IMAGE qrCode()}}', align: 'left' },
  { text: '扫码核验本文书真伪：{{INS verifyUrl}}', size: 21, align: 'left' },
  { text: '{{END-IF}}' },
];

/**
 * Version 3: an issued recommendation also carries the QR code of its organ's page, where the organ
 * confirms receipt, answers item by item and reports rectification (when the organ has an address).
 */
LAYOUTS['recommendation-v3'] = [
  ...LAYOUTS.recommendation!,
  { text: '{{IF organUrl}}' },
  { text: '{{IMAGE qrCode(organUrl)}}', align: 'left' },
  { text: '被建议单位扫码在线签收、答复和报告整改情况：{{INS organUrl}}', size: 21, align: 'left' },
  { text: '{{END-IF}}' },
  ...LAYOUTS['recommendation-v2']!.slice(LAYOUTS.recommendation!.length),
];

Object.assign(
  LAYOUTS,
  litigationLayouts<Line>({ head, foot, body, heading, line: (text) => ({ text }), caseLines }),
);

/** A4 (210 × 297 mm) with the standard margins: top 37, bottom 35, left 28, right 26 mm. */
const SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>' +
  '</w:sectPr>';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The namespaces of the drawing docx-templates writes for an image (a layout with `{{IMAGE …}}`). */
const DRAWING_NAMESPACES =
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"' +
  ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
  ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

function documentXml(lines: (Line | Table)[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"${
      lines.some((l) => !isTable(l) && l.text.includes('{{IMAGE')) ? DRAWING_NAMESPACES : ''
    }><w:body>` +
    lines.map((l) => (isTable(l) ? tableXml(l) : paragraph(l))).join('') +
    `${SECTION}</w:body></w:document>`
  );
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:docDefaults>` +
  '<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋" w:eastAsia="仿宋" w:hAnsi="仿宋" w:cs="仿宋"/>' +
  '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  '</w:docDefaults></w:styles>';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

/** The .docx bytes of a layout; a fixed date keeps the files the same from build to build. */
export async function buildTemplate(lines: (Line | Table)[]): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('[Content_Types].xml', CONTENT_TYPES, { date, createFolders: false });
  zip.file('_rels/.rels', ROOT_RELS, { date, createFolders: false });
  zip.file('word/document.xml', documentXml(lines), { date, createFolders: false });
  zip.file('word/styles.xml', STYLES, { date, createFolders: false });
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS, { date, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The 情况汇报 for a period (api/statistics/situation-report.ts), for the staff to finish by hand. */
const SITUATION_REPORT: (Line | Table)[] = [
  { text: '{{INS title}}', font: '黑体', size: 44, align: 'center' },
  blank,
  { text: '{{INS recipient}}：' },
  body('现将本院{{INS periodText}}开展公益诉讼检察工作的情况报告如下。'),
  heading('一、总体情况'),
  body('{{INS overview}}'),
  heading('二、各领域办案情况'),
  {
    header: ['领域', '受理线索（件）', '立案（件）'],
    each: 'd IN domains',
    cells: ['{{INS $d.name}}', '{{INS $d.received}}', '{{INS $d.filed}}'],
  },
  heading('三、诉前检察建议及整改情况'),
  body('{{INS recommendationText}}'),
  {
    header: ['行政机关', '收到检察建议（件）', '按期回复率', '整改到位率', '认定未依法履职（件）'],
    each: 'o IN organs',
    cells: [
      '{{INS $o.name}}',
      '{{INS $o.recommendations}}',
      '{{INS $o.onTime}}',
      '{{INS $o.rectification}}',
      '{{INS $o.nonPerformance}}',
    ],
  },
  heading('四、提起诉讼及裁判情况'),
  body('{{INS litigationText}}'),
  heading('五、与上一同期比较'),
  body('上一同期为{{INS previousText}}。'),
  {
    header: ['项目', '本期', '上一同期', '变化'],
    each: 'c IN comparison',
    cells: ['{{INS $c.label}}', '{{INS $c.current}}', '{{INS $c.previous}}', '{{INS $c.change}}'],
  },
  heading('六、典型案例'),
  body('{{INS typicalText}}'),
  { text: '{{FOR t IN typical}}' },
  body('{{INS $t.line}}'),
  { text: '{{END-FOR t}}' },
  heading('七、存在的问题和下一步工作'),
  body('（请在此补充。）'),
  blank,
  blank,
  { text: '{{INS procuratorate}}', align: 'right' },
  { text: '{{INS issuedDate}}', align: 'right' },
];

/** A typical case for publication (典型案例): no case number or title, only what staff wrote. */
const TYPICAL_CASE: Line[] = [
  { text: '{{INS heading}}', font: '黑体', size: 44, align: 'center' },
  blank,
  heading('【基本案情】'),
  body('{{INS basicFacts}}'),
  heading('【检察机关履职过程】'),
  body('{{INS performance}}'),
  heading('【典型意义】'),
  body('{{INS significance}}'),
  blank,
  { text: '{{INS procuratorate}}', align: 'right' },
];

async function main(): Promise<void> {
  const reports: Record<string, (Line | Table)[]> = {
    situation_report: SITUATION_REPORT,
    typical_case: TYPICAL_CASE,
  };
  for (const [kind, lines] of Object.entries({ ...LAYOUTS, ...reports })) {
    const file = join(TEMPLATE_DIR, `${kind}.docx`);
    writeFileSync(file, await buildTemplate(lines));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) void main();
