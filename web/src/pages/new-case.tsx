/** 登记线索: the form of POST /api/cases, generated from its schema like the action forms. */
import { useState } from 'react';
import { api } from '../api/client';
import { openApi, reference, type JsonSchema } from '../api/reference';
import type { CaseSummary } from '../api/types';
import { Loading, Notice, Problem } from '../components/problem';
import { SchemaForm } from '../components/schema-form';
import { handlerChoices } from '../lib/people';
import { publicLeads } from '../api/public-leads';
import { Link, navigate, useLocation } from '../lib/router';
import { today } from '../lib/format';
import { useApi } from '../lib/use-api';

const LABELS = {
  title: '线索名称',
  description: '线索内容',
  track: '办案类型',
  domainCode: '领域',
  source: '线索来源',
  sourceDetail: '来源说明',
  receivedOn: '收到线索的日期',
  handlerId: '承办检察官（不选则为本人）',
  externalRef: '外部编号',
  transferFrom: '移送来源（移送来的线索）',
  unit: '移送单位',
  letterRef: '移送函文号',
  sentOn: '移送日期',
  majorLeadReason: '重大线索的理由（填写即认定为重大线索）',
  publicLeadId: '受理的群众线索',
};

async function createSchema(): Promise<JsonSchema> {
  const doc = await openApi();
  return doc.paths['/api/cases']?.post?.requestBody?.content['application/json']?.schema ?? {};
}

interface PendingCase {
  status: 'pending';
  caseId: string;
}

export function NewCasePage() {
  const [pending, setPending] = useState<string | null>(null);
  // /cases/new?lead=<id>: accepting a lead from the public, its text carried into the form.
  const leadId = useLocation().search.get('lead');
  const loaded = useApi(
    () =>
      Promise.all([
        createSchema(),
        reference.domains(),
        reference.users(),
        leadId ? publicLeads.detail(leadId) : Promise.resolve(null),
      ]),
    [leadId],
  );
  if (loaded.error) return <Problem error={loaded.error} />;
  if (!loaded.data) return <Loading what="登记表" />;
  const [schema, domains, users, lead] = loaded.data;
  const prefill = lead
    ? {
        publicLeadId: lead.id,
        description: `${lead.description}\n（发生地点：${lead.location}）`,
        source: 'public_report',
        ...(lead.domainGuess ? { domainCode: lead.domainGuess } : {}),
        receivedOn: today(new Date(lead.submittedAt)),
      }
    : undefined;
  const choices = (field: string) => {
    if (field === 'domainCode')
      return domains.map((d) => ({ value: d.code, label: d.statutory ? d.name : `${d.name}（等外探索）` }));
    if (field === 'handlerId') return handlerChoices(users);
    return undefined;
  };

  const submit = async (body: unknown) => {
    const created = await api.post<CaseSummary | PendingCase>('/api/cases', body);
    // 202: numbered and handed to the case's process, which has not recorded it within the deadline.
    if ('status' in created && created.status === 'pending') setPending(created.caseId);
    else navigate(`/cases/${(created as CaseSummary).id}`);
  };

  return (
    <section className="narrow">
      <p className="crumbs">
        <Link to="/">案件</Link> › 登记线索
      </p>
      <h1>登记线索</h1>
      <p className="muted">登记后系统自动编号、开始计算线索评估期限，并向承办检察官发送回执。</p>
      {lead && (
        <Notice>
          受理群众线索：内容、来源和收到日期已按线索填好，请补充线索名称和领域后登记。线索的附件将作为案件的证据材料。
        </Notice>
      )}
      {pending && (
        <Notice tone="ok">
          线索已受理，案件编号 {pending}；办案流程正在登记，稍后在<Link to="/">案件列表</Link>中查看。
        </Notice>
      )}
      <div className="card">
        <SchemaForm
          schema={schema}
          choices={choices}
          labels={LABELS}
          prefill={prefill}
          submitLabel="登记"
          onSubmit={submit}
          onCancel={() => navigate('/')}
        />
      </div>
    </section>
  );
}
