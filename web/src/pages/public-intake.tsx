/**
 * 反映公益诉讼线索 (/report): the public intake form — no account, usable on a phone. On success
 * it shows the tracking code, the only way back to the lead, with a link to look it up.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Named } from '../api/types';
import { ATTACHMENT_TYPES, attachmentOf, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../api/public-leads';
import { Loading, Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';
import { PublicFrame } from './public-frame';
import { INTAKE_PROOF_HEADER, intakeProof } from '../../../domain/intake-proof';
import { solveChallenge } from '../lib/proof-of-work';

interface Submitted {
  code: string;
  submittedAt: string;
}

/**
 * The server's proof-of-work challenge, solved here (about a second): the header that lets one
 * lead through. A fresh one for every submission, since each is accepted once.
 */
async function proofHeaders(): Promise<Record<string, string>> {
  const { challenge, difficulty } = await api.get<{ challenge: string; difficulty: number }>(
    '/api/public/challenge',
  );
  return { [INTAKE_PROOF_HEADER]: intakeProof(challenge, await solveChallenge(challenge, difficulty)) };
}

export function PublicIntakePage() {
  const lists = useApi(
    () =>
      Promise.all([
        api.get<Named[]>('/api/public/procuratorates'),
        api.get<{ code: string; name: string }[]>('/api/public/domains'),
      ]),
    [],
  );
  const [done, setDone] = useState<Submitted | null>(null);
  return (
    <PublicFrame title="反映公益诉讼线索">
      {done ? (
        <Receipt done={done} />
      ) : lists.error ? (
        <Problem error={lists.error} />
      ) : !lists.data ? (
        <Loading what="表单" />
      ) : (
        <IntakeForm procuratorates={lists.data[0]} domains={lists.data[1]} onDone={setDone} />
      )}
    </PublicFrame>
  );
}

function Receipt({ done }: { done: Submitted }) {
  return (
    <div className="card" role="status">
      <p>线索已于 {chineseDateTime(done.submittedAt)} 收到。请记下查询码，凭它查询办理情况：</p>
      <p className="tracking-code" aria-label="查询码">
        {done.code}
      </p>
      <p className="muted small">查询码是查询的唯一凭据，检察院不会通过其他方式向您索取。</p>
      <p>
        <Link to={`/track?code=${encodeURIComponent(done.code)}`}>查询办理情况</Link>
      </p>
    </div>
  );
}

function IntakeForm(props: {
  procuratorates: Named[];
  domains: { code: string; name: string }[];
  onDone: (s: Submitted) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (path: string) => error?.errors.find((e) => e.path.startsWith(path))?.message;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const files = form.getAll('attachments').filter((f): f is File => f instanceof File && f.size > 0);
    const wrong = checkFiles(files);
    if (wrong) return setError(new ApiError(422, wrong, [{ path: 'attachments', message: wrong }]));
    const contact = { name: value('name'), phone: value('phone'), email: value('email') };
    setBusy(true);
    setError(null);
    try {
      const attachments = await Promise.all(files.map(attachmentOf));
      const proof = await proofHeaders();
      props.onDone(
        await api.post<Submitted>(
          '/api/public/leads',
          {
            procuratorateId: value('procuratorateId'),
            description: value('description') ?? '',
            location: value('location') ?? '',
            domainGuess: value('domainGuess'),
            contact: Object.values(contact).some(Boolean) ? contact : undefined,
            attachments,
          },
          proof,
        ),
      );
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card public-form" onSubmit={submit} noValidate>
      <p className="muted">
        发现国有财产流失、生态环境和资源破坏、食品药品安全等损害国家利益或者社会公共利益的问题，可以在这里向检察院反映。无需注册；提交后会得到一个查询码。
      </p>
      <Field id="procuratorateId" label="向哪个检察院反映" error={fieldError('procuratorateId')}>
        <select
          id="procuratorateId"
          name="procuratorateId"
          required
          defaultValue={props.procuratorates[0]?.id}
        >
          {props.procuratorates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="description"
        label="反映的问题"
        hint="请写明发生了什么、持续多久、造成什么影响（至少 10 个字）"
        error={fieldError('description')}
      >
        <textarea id="description" name="description" rows={6} required minLength={10} maxLength={5000} />
      </Field>
      <Field id="location" label="发生地点" error={fieldError('location')}>
        <input id="location" name="location" type="text" required maxLength={500} />
      </Field>
      <Field id="domainGuess" label="所属领域" optional error={fieldError('domainGuess')}>
        <select id="domainGuess" name="domainGuess" defaultValue="">
          <option value="">不确定</option>
          {props.domains.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="group">
        <legend>
          联系方式 <span className="optional">（可不填；只有检察院办案人员可见）</span>
        </legend>
        <Field id="name" label="姓名" optional error={fieldError('contact.name')}>
          <input id="name" name="name" type="text" autoComplete="name" maxLength={50} />
        </Field>
        <Field id="phone" label="电话" optional error={fieldError('contact.phone')}>
          <input id="phone" name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
        </Field>
        <Field id="email" label="电子邮箱" optional error={fieldError('contact.email')}>
          <input
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={254}
          />
        </Field>
      </fieldset>
      <Field
        id="attachments"
        label="照片或材料"
        optional
        hint="至多 3 个 JPEG、PNG 或 PDF 文件，每个不超过 2 MB"
        error={fieldError('attachments')}
      >
        <input id="attachments" name="attachments" type="file" multiple accept={ATTACHMENT_TYPES.join(',')} />
      </Field>
      {error && <Problem error={error} />}
      <button type="submit" className="primary wide" disabled={busy}>
        {busy ? '正在提交…' : '提交'}
      </button>
    </form>
  );
}

/** What the intake would refuse about the chosen files, said before they are sent. */
function checkFiles(files: File[]): string | null {
  if (files.length > MAX_ATTACHMENTS) return `至多 ${MAX_ATTACHMENTS} 个附件`;
  const wrongType = files.find((f) => !ATTACHMENT_TYPES.includes(f.type));
  if (wrongType) return `附件 ${wrongType.name} 不是 JPEG、PNG 或 PDF 文件`;
  const tooBig = files.find((f) => f.size > MAX_ATTACHMENT_BYTES);
  if (tooBig) return `附件 ${tooBig.name} 超过 2 MB`;
  return null;
}

function Field(props: {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={props.error ? 'field invalid' : 'field'}>
      <label htmlFor={props.id}>
        {props.label} {props.optional && <span className="optional">（选填）</span>}
      </label>
      {props.hint && <span className="hint">{props.hint}</span>}
      {props.children}
      {props.error && <span className="error">{props.error}</span>}
    </div>
  );
}
