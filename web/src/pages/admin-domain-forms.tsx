/** The two forms of the domains tab, generated from the API's own request schemas. */
import { api } from '../api/client';
import { openApi, type JsonSchema } from '../api/reference';
import type { Domain } from '../api/types';
import { Loading, Problem } from '../components/problem';
import { SchemaForm } from '../components/schema-form';
import { useApi } from '../lib/use-api';

const LABELS = {
  code: '领域代码',
  name: '领域名称',
  basis: '依据',
  statutory: '法定领域（有法律明文规定）',
  allowsAdministrative: '可办理行政公益诉讼',
  allowsCivil: '可办理民事公益诉讼',
  minLevel: '办理层级',
  inForceFrom: '施行日期（不填为今天）',
};

async function bodySchema(path: string, method: 'post' | 'patch'): Promise<JsonSchema> {
  const doc = await openApi();
  return doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema ?? {};
}

function GeneratedForm(props: {
  path: string;
  method: 'post' | 'patch';
  submitLabel: string;
  send: (body: unknown) => Promise<Domain>;
  onDone: (d: Domain) => void;
  onCancel: () => void;
}) {
  const schema = useApi(() => bodySchema(props.path, props.method), [props.path, props.method]);
  if (schema.error) return <Problem error={schema.error} />;
  if (!schema.data) return <Loading what="表单" />;
  return (
    <SchemaForm
      schema={schema.data}
      choices={() => undefined}
      labels={LABELS}
      submitLabel={props.submitLabel}
      onSubmit={async (body) => props.onDone(await props.send(body))}
      onCancel={props.onCancel}
    />
  );
}

/** An exploratory (等外) domain: no statutory basis, version 1. */
export function NewDomainForm(props: { onDone: (d: Domain) => void; onCancel: () => void }) {
  return (
    <section className="card" aria-labelledby="new-domain-title">
      <h2 id="new-domain-title">新增等外探索领域</h2>
      <p className="muted small">
        等外领域没有法律明文规定（如公共安全），标注为“等外探索”。领域代码由小写字母、数字和下划线组成，如
        public_safety，保存后不能更改。
      </p>
      <GeneratedForm
        path="/api/admin/domains"
        method="post"
        submitLabel="新增领域"
        send={(body) => api.post<Domain>('/api/admin/domains', body)}
        {...props}
      />
    </section>
  );
}

/** A new version of `domain`: what is left empty stays as in the newest version. */
export function DomainVersionForm(props: {
  domain: Domain;
  onDone: (d: Domain) => void;
  onCancel: () => void;
}) {
  const { domain } = props;
  return (
    <section className="card" aria-labelledby="domain-version-title">
      <h2 id="domain-version-title">
        新版本：{domain.name}（<code>{domain.code}</code>）
      </h2>
      <p className="muted small">
        修改不会改写已有版本：新版本自施行日期起适用，此前登记的案件仍按当时的版本。留空的项目沿用第{' '}
        {domain.version} 版。
      </p>
      <GeneratedForm
        path="/api/admin/domains/{code}"
        method="patch"
        submitLabel="保存为新版本"
        send={(body) => api.patch<Domain>(`/api/admin/domains/${domain.code}`, body)}
        onDone={props.onDone}
        onCancel={props.onCancel}
      />
    </section>
  );
}
