/**
 * The administrative organ's page of one recommendation (/organ/<token>), opened from the link its
 * registered mailbox received, often on a phone: a code by mail opens it; then the organ confirms
 * receipt, answers each numbered item once, reports progress and asks for more time. No staff
 * navigation, nothing of other cases.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { DateInput } from '../components/date-input';
import { Rectification, type RectificationView } from './organ-rectification';
import { chineseDate } from '../lib/format';

interface Answer {
  item: number;
  answer: 'accepted' | 'in_progress' | 'disputed';
  plan?: string;
  startsOn?: string;
  endsOn?: string;
  reasons?: string;
}

interface View extends RectificationView {
  caseTitle: string;
  organName: string;
  documentNumber: string | null;
  receivedOn: string | null;
  replyDue: string | null;
  items: string[];
  answers: (Answer & { at: string })[];
  files: { id: string; name: string }[];
}

const ANSWER_LABELS: Record<Answer['answer'], string> = {
  accepted: '采纳，已整改',
  in_progress: '正在整改',
  disputed: '有异议',
};

/** An answer of the organ's routes: the JSON body, a problem's `detail` on refusal. */
type Reply = {
  status: number;
  data: (Partial<View> & { detail?: string; organName?: string; maskedEmail?: string }) | undefined;
};

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : undefined };
}

export function OrganPage({ token }: { token: string }) {
  const [link, setLink] = useState<{ organName: string; maskedEmail: string } | string | undefined>();
  const [view, setView] = useState<View | undefined>();
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);

  const load = async () => {
    const res = await call('GET', '/api/organ/recommendation');
    if (res.status === 200) setView(res.data as View);
  };
  useEffect(() => {
    void call('GET', `/api/organ/links/${encodeURIComponent(token)}`).then((res) =>
      setLink(
        res.status === 200
          ? { organName: res.data?.organName ?? '', maskedEmail: res.data?.maskedEmail ?? '' }
          : (res.data?.detail ?? '链接无效'),
      ),
    );
    void load();
  }, [token]);

  const outcome = (res: Reply, ok: string) => {
    if (res.status < 300) {
      setMessage(ok);
      if (res.data?.items) setView(res.data as View);
      return true;
    }
    setMessage(res.data?.detail ?? '操作未成功，请稍后重试');
    return false;
  };

  if (typeof link === 'string')
    return (
      <OrganFrame>
        <p role="alert">{link}</p>
      </OrganFrame>
    );
  if (!view)
    return (
      <OrganFrame>
        {link && (
          <p>
            {link.organName}：请凭发送至 {link.maskedEmail} 的验证码查看检察建议书。
          </p>
        )}
        <button
          type="button"
          onClick={async () =>
            setSent(outcome(await call('POST', `/api/organ/links/${token}/code`), '验证码已发送，请查收邮件'))
          }
        >
          {sent ? '重新发送验证码' : '获取验证码'}
        </button>
        <form
          onSubmit={async (e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
            if (outcome(await call('POST', `/api/organ/links/${token}/session`, { code }), '')) await load();
          }}
        >
          <label>
            验证码
            <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required />
          </label>
          <button type="submit">进入</button>
        </form>
        {message && <p role="status">{message}</p>}
      </OrganFrame>
    );
  return (
    <OrganFrame>
      <h2>{view.caseTitle}</h2>
      <p>
        {view.organName}
        {view.documentNumber ? ` ${view.documentNumber}` : ''}
      </p>
      {view.receivedOn ? (
        <p>
          已于 {chineseDate(view.receivedOn)} 确认签收，请于 {chineseDate(view.replyDue) || '—'} 前书面回复。
        </p>
      ) : (
        <form
          onSubmit={async (e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            const confirmedBy = String(new FormData(e.currentTarget).get('confirmedBy') ?? '');
            outcome(await call('POST', '/api/organ/recommendation/receipt', { confirmedBy }), '已确认签收');
          }}
        >
          <label>
            签收人姓名
            <input name="confirmedBy" required maxLength={100} />
          </label>
          <button type="submit">确认签收</button>
        </form>
      )}
      <ol className="organ-items">
        {view.items.map((text, i) => (
          <ItemAnswer
            key={i}
            n={i + 1}
            text={text}
            answer={view.answers.find((a) => a.item === i + 1)}
            open={view.receivedOn !== null}
            submit={async (a) =>
              outcome(
                await call('POST', '/api/organ/recommendation/answers', { answers: [a] }),
                `第 ${a.item} 项已答复`,
              )
            }
          />
        ))}
      </ol>
      {view.receivedOn && (
        <Rectification
          view={view}
          send={async (path, body, ok) => outcome(await call('POST', path, body), ok)}
        />
      )}
      {view.receivedOn && <Upload onDone={load} report={setMessage} />}
      {view.files.length > 0 && (
        <ul>
          {view.files.map((f) => (
            <li key={f.id}>{f.name}</li>
          ))}
        </ul>
      )}
      {message && <p role="status">{message}</p>}
    </OrganFrame>
  );
}

function OrganFrame({ children }: { children: React.ReactNode }) {
  return (
    <main className="login organ" id="main">
      <section aria-labelledby="organ-title">
        <h1 id="organ-title">检察建议书（被建议单位）</h1>
        {children}
      </section>
    </main>
  );
}

function ItemAnswer(props: {
  n: number;
  text: string;
  answer: Answer | undefined;
  open: boolean;
  submit: (a: Answer) => Promise<boolean>;
}) {
  const [kind, setKind] = useState<Answer['answer']>('accepted');
  const { n, text, answer } = props;
  return (
    <li>
      <p>{text}</p>
      {answer ? (
        <p className="muted">
          已答复：{ANSWER_LABELS[answer.answer]}
          {answer.plan
            ? `；计划：${answer.plan}（${chineseDate(answer.startsOn)} 至 ${chineseDate(answer.endsOn)}）`
            : ''}
          {answer.reasons ? `；理由：${answer.reasons}` : ''}
        </p>
      ) : (
        props.open && (
          <form
            aria-label={`答复第 ${n} 项`}
            onSubmit={async (e: FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              const get = (k: string) => String(f.get(k) ?? '').trim() || undefined;
              const extra =
                kind === 'in_progress'
                  ? { plan: get('plan'), startsOn: get('startsOn'), endsOn: get('endsOn') }
                  : kind === 'disputed'
                    ? { reasons: get('reasons') }
                    : {};
              await props.submit({ item: n, answer: kind, ...extra });
            }}
          >
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as Answer['answer'])}
              aria-label="答复"
            >
              {Object.entries(ANSWER_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
            {kind === 'in_progress' && (
              <>
                <textarea name="plan" placeholder="整改计划" required />
                <DateInput name="startsOn" aria-label="开始日期" required />
                <DateInput name="endsOn" aria-label="完成日期" required />
              </>
            )}
            {kind === 'disputed' && <textarea name="reasons" placeholder="异议理由" required />}
            <button type="submit">提交（提交后不能修改）</button>
          </form>
        )
      )}
    </li>
  );
}

function Upload({ onDone, report }: { onDone: () => Promise<void>; report: (m: string) => void }) {
  return (
    <label>
      上传整改材料（照片、PDF）
      <input
        type="file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          const res = await fetch(`/api/organ/recommendation/files?name=${encodeURIComponent(file.name)}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/octet-stream' },
            body: file,
          });
          report(res.ok ? `已上传：${file.name}` : ((await res.json())?.detail ?? '上传未成功'));
          await onDone();
        }}
      />
    </label>
  );
}
