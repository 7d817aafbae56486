/** A case: where it stands, every clock and how it was computed, what may be done now, and its timeline. */
import { useState } from 'react';
import { CASE_ACTING_ROLES, hasAnyRole } from '../../../domain/roles';
import { api } from '../api/client';
import { reference } from '../api/reference';
import type { User } from '../api/session';
import type { CaseDetail, Clock, RecommendationView } from '../api/types';
import { DueBadge, Tag } from '../components/badges';
import { CaseAlerts, StuckCase } from '../components/case-alerts';
import { ClockCard } from '../components/clock-card';
import { Loading, Problem } from '../components/problem';
import { StageStepper } from '../components/stage-stepper';
import { chineseDate } from '../lib/format';
import { enumLabel, RECOMMENDATION_STATUS, sourceLabel, stageLabel, TRACK_LABELS } from '../lib/labels';
import { namesFrom } from '../lib/people';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';
import { CaseActions } from './case-actions';
import { CaseDocuments } from './case-documents';
import { CivilParties } from './case-civil';
import { CaseEvidence } from './case-evidence';
import { CaseTimeline } from './case-timeline';
import { OrganReplies } from './organ-replies';

export function CaseDetailPage({ user, caseId }: { user: User; caseId: string }) {
  const [version, setVersion] = useState(0);
  // An action asked for from a panel (the civil track's): CaseActions opens its form.
  const [requested, setRequested] = useState<{ name: string } | null>(null);
  const detail = useApi(() => api.get<CaseDetail>(`/api/cases/${caseId}`), [caseId, version]);
  const refs = useApi(
    () =>
      Promise.all([
        reference.organs(),
        reference.domains(),
        reference.actionLabels(),
        reference.procuratorates(),
      ]),
    [],
  );
  // The case's own procuratorate's people: a case read from above names the district's staff.
  const caseCourt = detail.data?.procuratorateId;
  // Its own people too: the assigning procuratorate's staff appear on a case assigned downward.
  const people = useApi(
    async () =>
      caseCourt ? (await Promise.all([reference.users(caseCourt), reference.users()])).flat() : [],
    [caseCourt],
  );

  if (detail.error)
    return (
      <section>
        <p className="crumbs">
          <Link to="/">案件</Link> › {caseId}
        </p>
        <h1>无法打开案件</h1>
        <Problem error={detail.error} />
      </section>
    );
  if (!detail.data || !refs.data) return <Loading what="案件" />;
  const d = detail.data;
  const [organs, domains, labels, courts] = refs.data;
  const users = people.data ?? [];
  const courtName = (id: string) => courts.find((p) => p.id === id)?.name ?? id;
  const nameOf = namesFrom(users, user);
  const caseClocks = d.clocks.filter((c) => !c.recommendationId);
  const organName = (id: string) => organs.find((o) => o.id === id)?.name ?? id;
  const summary = d.summary as {
    suspended?: boolean;
    stageBeforeSuspension?: string;
    litigatedOrganIds?: string[];
  };

  return (
    <article className="case">
      <p className="crumbs">
        <Link to="/">案件</Link> › {d.id}
      </p>
      <header className="case-head">
        <h1>{d.title}</h1>
        {d.procuratorateId !== user.procuratorateId && (
          <p className="notice info" role="note">
            只读：本案由{courtName(d.procuratorateId)}办理，本院只能查看（上级院监督或上级交办的跟踪）。
          </p>
        )}
        <div className="facts">
          <Tag tone="blue">{stageLabel(d.stage)}</Tag>
          <span>{d.id}</span>
          <span>{TRACK_LABELS[d.track]}</span>
          <span>{domains.find((x) => x.code === d.domainCode)?.name ?? d.domainCode}</span>
          <span>线索来源：{sourceLabel(d.source)}</span>
          <span>承办人：{nameOf(d.handlerId)}</span>
          {d.organIds.length > 0 && <span>行政机关：{d.organIds.map(organName).join('、')}</span>}
          {d.typical && <Tag tone="blue">典型案例</Tag>}
          {d.majorLead && (
            <Tag tone="red">
              重大线索
              {d.majorLead.reportedOn
                ? `（${chineseDate(d.majorLead.reportedOn)} 已报上级院）`
                : '（待报上级院）'}
            </Tag>
          )}
        </div>
        <div className="next-due">
          最近期限：
          <DueBadge due={d.nextDue} overdue={d.overdue} provisional={d.nextDueProvisional} />
        </div>
      </header>
      <LeadText detail={d} />
      <CivilParties detail={d} labels={labels} onAct={(name) => setRequested({ name })} />
      <StageStepper
        track={d.track}
        stage={d.stage}
        litigated={(summary.litigatedOrganIds?.length ?? 0) > 0 || d.litigation !== null}
        stageBefore={summary.stageBeforeSuspension}
      />
      {d.stuck && <StuckCase stuck={d.stuck} />}
      <CaseAlerts
        caseId={d.id}
        alerts={d.alerts}
        labels={labels}
        canAcknowledge={d.availableActions.includes('acknowledgeAlert')}
        onDone={() => setVersion((v) => v + 1)}
      />
      {d.proposal && (
        <section className="card proposal" aria-label="待决定的提请">
          <h2>
            {d.proposal.review?.status === 'pending' ? '待部门负责人审核' : '待决定'}：提请
            {enumLabel(d.proposal.kind)}
          </h2>
          <p>
            {chineseDate(d.proposal.proposedOn)} 由 {nameOf(d.proposal.proposedBy)} 提请。理由：
            {d.proposal.reason}
          </p>
          {d.proposal.review?.reviewedBy && (
            <p className="small">
              部门负责人 {nameOf(d.proposal.review.reviewedBy)} 已于{' '}
              {chineseDate(d.proposal.review.reviewedOn ?? '')} 审核同意。
            </p>
          )}
          {d.proposal.recommendations?.map((r, i) => (
            <p key={i} className="small">
              致 {organName(r.organId)}
              {r.urgent ? '（紧急）' : ''}：{r.summary}
            </p>
          ))}
        </section>
      )}
      {d.escalations.filter((e) => !e.confirmedOn).length > 0 && (
        <section className="notice warn" aria-label="督促措施建议">
          <strong>期限届满后建议采取督促措施：</strong>
          {d.escalations
            .filter((e) => !e.confirmedOn)
            .map(
              (e) =>
                `${enumLabel(e.step)}（${d.clocks.find((c) => c.key === e.clockKey)?.name ?? e.clockKey}）`,
            )
            .join('；')}
          。请部门负责人或检察长以“确认督促措施”办理。
        </section>
      )}
      <div className="case-grid">
        <div className="main-col">
          <CaseActions
            detail={d}
            organs={organs}
            users={users}
            labels={labels}
            requested={requested}
            onDone={() => setVersion((v) => v + 1)}
          />
          <section aria-labelledby="clocks-title">
            <h2 id="clocks-title">办案期限</h2>
            {caseClocks.length === 0 && <p className="muted">本案目前没有案件层面的期限。</p>}
            <div className="clocks">{caseClocks.map(clockCard)}</div>
          </section>
          {d.recommendations.length > 0 && (
            <section aria-labelledby="recs-title">
              <h2 id="recs-title">检察建议</h2>
              {d.recommendations.map((r) => (
                <RecommendationCard
                  key={r.id}
                  rec={r}
                  clocks={d.clocks.filter((c) => c.recommendationId === r.id)}
                />
              ))}
            </section>
          )}
          <CaseDocuments
            caseId={d.id}
            canEdit={hasAnyRole(user.roles, ['prosecutor', 'head'])}
            nameOf={nameOf}
            version={version}
            onDone={() => setVersion((v) => v + 1)}
          />
          <OrganReplies
            caseId={d.id}
            organName={(id) => d.recommendations.find((r) => r.organId === id)?.organName ?? id}
            decider={nameOf(d.handlerId)}
            version={version}
          />
          <CaseEvidence
            caseId={d.id}
            canUpload={hasAnyRole(user.roles, CASE_ACTING_ROLES)}
            nameOf={nameOf}
            onDone={() => setVersion((v) => v + 1)}
          />
        </div>
        <div className="side-col">
          <CaseTimeline caseId={d.id} nameOf={nameOf} labels={labels} version={version} />
        </div>
      </div>
    </article>
  );
}

const clockCard = (c: Clock) => <ClockCard key={c.key} clock={c} />;

/** The lead as registered: what was reported and where it came from, and where it was transferred. */
function LeadText({ detail }: { detail: CaseDetail }) {
  const { description, sourceDetail, transferFrom, transfers } = detail;
  if (!description && !sourceDetail && !transferFrom && transfers.length === 0) return null;
  return (
    <section className="card lead-text" aria-label="线索内容">
      {description && <p className="lead-description">{description}</p>}
      {sourceDetail && <p className="small">来源说明：{sourceDetail}</p>}
      {transferFrom && (
        <p className="small">
          移送来源：{transferFrom.unit}
          {transferFrom.letterRef && `（${transferFrom.letterRef}）`}，{chineseDate(transferFrom.sentOn)} 移送
        </p>
      )}
      {transfers.map((t) => (
        <p key={t.id} className="small">
          {chineseDate(t.transferredOn)} 移送{enumLabel(t.to)}：{t.recipient}
          {t.letterRef && `（${t.letterRef}）`}
        </p>
      ))}
    </section>
  );
}

function RecommendationCard({ rec, clocks }: { rec: RecommendationView; clocks: Clock[] }) {
  const fact = (label: string, value: string | null) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  return (
    <section className="card recommendation" aria-label={`检察建议：${rec.organName ?? rec.organId}`}>
      <header>
        <h3>
          {rec.organName ?? rec.organId}
          {rec.urgent && <Tag tone="red">紧急</Tag>}
        </h3>
        <Tag tone="blue">{RECOMMENDATION_STATUS[rec.status] ?? rec.status}</Tag>
        {rec.rebounds > 0 && <Tag tone="red">反弹 {rec.rebounds} 次</Tag>}
      </header>
      <dl className="facts-list">
        {fact('编号', rec.id)}
        {fact('决定发出', chineseDate(rec.decidedOn))}
        {fact('送达', chineseDate(rec.servedOn))}
        {fact('签收', chineseDate(rec.receivedOn))}
        {rec.replyDue && (
          <div>
            <dt>回复期限</dt>
            <dd>{rec.repliedOn ? chineseDate(rec.replyDue) : <DueBadge due={rec.replyDue} />}</dd>
          </div>
        )}
        {fact(
          '回复',
          rec.repliedOn &&
            `${chineseDate(rec.repliedOn)}${rec.repliedOnTime === false ? '（逾期回复）' : rec.repliedOnTime ? '（按期回复）' : ''}`,
        )}
        {fact('跟进认定', rec.finding && enumLabel(rec.finding))}
        {fact('结果', rec.outcome && enumLabel(rec.outcome))}
      </dl>
      <div className="clocks">{clocks.map(clockCard)}</div>
    </section>
  );
}
