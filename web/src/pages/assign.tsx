/**
 * 上级交办 (/assign): a head or chief of a procuratorate with procuratorates below it hands a lead
 * to one of them and names its handler there (POST /api/oversight/assignments). The case is the
 * lower procuratorate's from the start; this one follows it under 交办的案件.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { openApi, reference, type JsonSchema } from '../api/reference';
import type { CaseSummary } from '../api/types';
import { Loading, Notice, Problem } from '../components/problem';
import { SchemaForm } from '../components/schema-form';
import { handlerChoices } from '../lib/people';
import { navigate } from '../lib/router';
import { useApi } from '../lib/use-api';
import { Assignments } from './oversight';

export interface Below {
  id: string;
  name: string;
  depth: number;
}

const LABELS = {
  handlerId: '下级院的承办检察官',
  title: '线索名称',
  description: '线索内容',
  track: '办案类型',
  domainCode: '领域',
  receivedOn: '收到线索的日期',
  sourceDetail: '来源说明',
  externalRef: '交办文号',
  instructions: '交办要求',
  majorLeadReason: '重大线索的理由（填写即认定为重大线索）',
};

/** What the form asks: the district is chosen above it, and the source is always 上级交办. */
async function assignmentSchema(): Promise<JsonSchema> {
  const doc = await openApi();
  const schema =
    doc.paths['/api/oversight/assignments']?.post?.requestBody?.content['application/json']?.schema;
  const notAsked = ['procuratorateId', 'source', 'transferFrom'];
  const properties = Object.fromEntries(
    Object.entries(schema?.properties ?? {}).filter(([name]) => !notAsked.includes(name)),
  );
  return { ...schema, properties, required: schema?.required?.filter((r) => !notAsked.includes(r)) };
}

export function AssignPage() {
  const loaded = useApi(
    () => Promise.all([assignmentSchema(), reference.domains(), api.get<Below[]>('/api/oversight/below')]),
    [],
  );
  const [district, setDistrict] = useState('');
  const staff = useApi(() => (district ? reference.users(district) : Promise.resolve([])), [district]);
  const [pending, setPending] = useState<string | null>(null);
  if (loaded.error) return <Problem error={loaded.error} />;
  if (!loaded.data) return <Loading what="交办表" />;
  const [schema, domains, below] = loaded.data;

  const choices = (field: string) => {
    if (field === 'domainCode')
      return domains.map((d) => ({ value: d.code, label: d.statutory ? d.name : `${d.name}（等外探索）` }));
    if (field === 'handlerId') return handlerChoices(staff.data ?? []);
    return undefined;
  };
  const submit = async (body: unknown) => {
    const made = await api.post<{ caseId: string; case?: CaseSummary | null; status?: string }>(
      '/api/oversight/assignments',
      { ...(body as object), procuratorateId: district },
    );
    if (made.status === 'pending') setPending(made.caseId);
    else navigate(`/cases/${encodeURIComponent(made.caseId)}`);
  };

  return (
    <section className="narrow" aria-labelledby="assign-title">
      <h1 id="assign-title">上级交办</h1>
      <p className="muted">
        交办的线索登记在下级院、由其承办检察官办理；本院在“交办的案件”中跟踪查看，不能代为办理。
      </p>
      {below.length === 0 && <p className="empty">本院没有下级院，不能交办。</p>}
      {pending && (
        <Notice tone="ok">
          已交办，案件编号 {pending}；下级院的办案流程正在登记，稍后在下方“上级交办的案件”中查看。
        </Notice>
      )}
      {below.length > 0 && (
        <div className="card">
          <div className="field">
            <label htmlFor="assign-district">交由哪个下级院办理</label>
            <select id="assign-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">请选择</option>
              {below.map((p) => (
                <option key={p.id} value={p.id}>
                  {'　'.repeat(p.depth - 1)}
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {staff.error && <Problem error={staff.error} title="无法读取该院人员" />}
          {district && staff.data && (
            <SchemaForm
              key={district}
              schema={schema}
              choices={choices}
              labels={LABELS}
              submitLabel="交办"
              onSubmit={submit}
            />
          )}
        </div>
      )}
      <Assignments />
    </section>
  );
}
