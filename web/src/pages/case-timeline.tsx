/** The case's audit timeline, its hash-chain verdict and the CSV export. */
import { useState } from 'react';
import { api, download, type ApiError } from '../api/client';
import type { Timeline, TimelineEntry } from '../api/types';
import { Loading, Problem } from '../components/problem';
import { chineseDate, chineseDateTime } from '../lib/format';
import { enumLabel, stageLabel, TIMELINE_KINDS } from '../lib/labels';
import type { NameOf } from '../lib/people';
import { useApi } from '../lib/use-api';

const DATA_LABELS: Record<string, string> = {
  reason: '理由',
  summary: '内容',
  decidedOn: '决定日期',
  proposedOn: '提请日期',
  reviewedOn: '审核日期',
  approve: '决定',
  servedOn: '送达日期',
  receivedOn: '签收日期',
  repliedOn: '回复日期',
  checkedOn: '跟进调查日期',
  claim: '回复称',
  result: '认定',
  reasons: '第八十二条情形',
  earlyGround: '整改期满前认定的依据',
  on: '日期',
  filedOn: '日期',
  title: '线索名称',
  recommendationId: '检察建议',
  text: '备注',
  note: '备注',
  flaggedOn: '认定为重大线索',
  majorLeadReason: '理由',
  reportedOn: '报上级院日期',
  reportRef: '文号',
  suspendedOn: '中止日期',
  groundLabel: '终结情形',
  transferredTo: '移送至',
  to: '移送对象',
  recipient: '接收单位',
  transferredOn: '移送日期',
  letterRef: '文号',
  name: '被告',
  identifier: '证件号码',
  plaintiff: '起诉的机关或组织',
  suedOn: '起诉日期',
  court: '受理法院',
  supportedOn: '支持起诉日期',
  forms: '支持起诉的方式',
  changeLabel: '撤回起诉或变更诉讼请求',
  basisLabel: '依据',
  claims: '变更后的诉讼请求',
  documentRef: '决定书文号',
  situationLabel: '第一百零二条情形',
  deliveredOn: '提交法院并发送原告日期',
  refiling: '另行立案',
  rightHolder: '赔偿权利人',
  notifiedOn: '告知日期',
  outcomeLabel: '结果',
  next: '后续',
  caseNumber: '刑事案件案号',
  defendants: '被告人',
  linkedOn: '登记日期',
  withProsecution: '随公诉一并提起',
  inquiredOn: '征询日期',
  relatives: '征询的近亲属',
  answerLabel: '近亲属意见',
};

/** A non-empty list of identifiers (a finding's art. 82 reasons), shown by their labels. */
const isWordList = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string');

/** 移送来源 of a registration entry: unit, letter number and date. */
function transferredIn(from: unknown): string {
  if (typeof from !== 'object' || from === null) return '';
  const { unit, letterRef, sentOn } = from as { unit?: string; letterRef?: string; sentOn?: string };
  return `移送单位：${unit ?? ''}${letterRef ? `（${letterRef}）` : ''}，${chineseDate(sentOn ?? '')} 移送`;
}

function describe(e: TimelineEntry, nameOf: NameOf): string {
  const d = e.data ?? {};
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (e.kind) {
    case 'lead_registered':
      return [
        `线索名称：${s('title')}`,
        `收到线索：${chineseDate(s('receivedOn'))}`,
        s('sourceDetail') && `来源说明：${s('sourceDetail')}`,
        transferredIn(d.transferFrom),
        d.majorLead === true && `认定为重大线索：${s('majorLeadReason')}`,
        s('description') && `线索内容：${s('description')}`,
      ]
        .filter(Boolean)
        .join('；');
    case 'reassign':
      return `承办人：${nameOf(s('from'))} → ${nameOf(s('to'))}`;
    case 'stage_changed':
      return `${stageLabel(s('from'))} → ${stageLabel(s('to'))}`;
    case 'clock_started':
      return `${s('name')}：届满日 ${chineseDate(s('due')) || '—'}`;
    case 'clock_met':
      return `${s('name')}：${chineseDate(s('metOn'))} 完成`;
    case 'clock_expired':
    case 'clock_changed':
      return `${s('name')}${s('due') ? `：届满日 ${chineseDate(s('due'))}` : ''}`;
    default:
      return Object.entries(d)
        .filter(
          ([k, v]) => DATA_LABELS[k] && v !== null && v !== '' && (typeof v !== 'object' || isWordList(v)),
        )
        .map(([k, v]) => {
          if (Array.isArray(v)) return `${DATA_LABELS[k]}：${v.map((w) => enumLabel(String(w))).join('、')}`;
          const text =
            typeof v === 'boolean'
              ? k === 'approve'
                ? v
                  ? '同意'
                  : '不同意'
                : v
                  ? '是'
                  : '否'
              : String(v);
          return `${DATA_LABELS[k]}：${/^\d{4}-\d{2}-\d{2}$/.test(text) ? chineseDate(text) : enumLabel(text)}`;
        })
        .join('；');
  }
}

export function CaseTimeline(props: {
  caseId: string;
  /** Names of the people who acted, from the directory. */
  nameOf: NameOf;
  labels: Record<string, string>;
  version: number;
}) {
  const timeline = useApi(
    () => api.get<Timeline>(`/api/cases/${props.caseId}/timeline`),
    [props.caseId, props.version],
  );
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const exportCsv = () =>
    download(`/api/cases/${props.caseId}/timeline?format=csv`, `${props.caseId}-时间线.csv`).then(
      () => setExportError(null),
      (e: ApiError) => setExportError(e),
    );
  return (
    <section aria-labelledby="timeline-title" className="timeline-section">
      <div className="section-head">
        <h2 id="timeline-title">时间线</h2>
        {timeline.data &&
          (timeline.data.chain.ok ? (
            <span className="badge chain-ok" role="status">
              ✓ 哈希链已验证（{timeline.data.chain.entries} 条记录）
            </span>
          ) : (
            <span className="badge chain-broken" role="alert">
              ✗ 哈希链校验失败：第 {timeline.data.chain.broken?.seq} 条记录{' '}
              {timeline.data.chain.broken?.reason}
            </span>
          ))}
        <button type="button" onClick={() => void exportCsv()}>
          导出 CSV
        </button>
      </div>
      {exportError && <Problem error={exportError} title="导出失败" />}
      {timeline.error && <Problem error={timeline.error} />}
      {!timeline.data && !timeline.error && <Loading what="时间线" />}
      {timeline.data && (
        <ol className="timeline">
          {timeline.data.entries.map((e) => (
            <li key={e.seq} className={`entry kind-${e.kind}`}>
              <div className="when">
                <span className="seq">#{e.seq}</span> {chineseDateTime(e.at)}
              </div>
              <div className="what">
                <strong>{props.labels[e.kind] ?? TIMELINE_KINDS[e.kind] ?? e.kind}</strong>
                <span className="muted small">
                  {' '}
                  · {stageLabel(e.stage)} · {props.nameOf(e.actorId)}
                  {authLabel(e.data) && <> · {authLabel(e.data)}</>}
                </span>
                {describe(e, props.nameOf) && <div className="small">{describe(e, props.nameOf)}</div>}
                {e.reason && <div className="small">理由：{e.reason}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** How the actor of an entry authenticated, when the entry records it. */
function authLabel(data: Record<string, unknown> | null): string | undefined {
  const auth = data?.auth as { method?: string; tokenId?: string } | undefined;
  switch (auth?.method) {
    case 'session':
      return '本人登录';
    case 'api_token':
      return `集成令牌 ${auth.tokenId ?? ''}`.trim();
    case 'organ_session':
      return '机关验证码登录';
    default:
      return undefined;
  }
}
