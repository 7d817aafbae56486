/** What the current user may do on the case now (availableActions), each as a generated form. */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { actionSchema, type JsonSchema } from '../api/reference';
import type { CaseDetail, DirectoryUser, Organ } from '../api/types';
import { Notice, Problem } from '../components/problem';
import { SchemaForm, type Choice } from '../components/schema-form';
import { chineseDate } from '../lib/format';
import { RECOMMENDATION_STATUS } from '../lib/labels';
import { handlerChoices } from '../lib/people';
import { useApi } from '../lib/use-api';

export function CaseActions(props: {
  detail: CaseDetail;
  organs: Organ[];
  users: DirectoryUser[];
  labels: Record<string, string>;
  /** An action another panel asked to open (a new object each time it asks). */
  requested?: { name: string } | null;
  onDone: () => void;
}) {
  const { detail, organs, users, labels } = props;
  // An alert is acknowledged from the alert itself (CaseAlerts), not from a form here.
  const actions = detail.availableActions.filter((name) => name !== 'acknowledgeAlert');
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const schema = useApi<JsonSchema | null>(() => (open ? actionSchema(open) : Promise.resolve(null)), [open]);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, schema.data]);

  // A panel asks only for actions the user may take now (availableActions).
  const { requested } = props;
  useEffect(() => {
    if (!requested) return;
    setDone(null);
    setOpen(requested.name);
  }, [requested]);

  const choices = (field: string): Choice[] | undefined => {
    if (field === 'organId' || field === 'organIds')
      // A deactivated organ is offered only where the case already names it (its reply, its finding).
      return organs
        .filter((o) => o.active || detail.organIds.includes(o.id))
        .map((o) => ({ value: o.id, label: o.name }));
    if (field === 'recommendationId')
      return detail.recommendations.map((r) => ({
        value: r.id,
        label: `${r.organName ?? r.organId}（${RECOMMENDATION_STATUS[r.status] ?? r.status}）`,
      }));
    if (field === 'partyIds') return detail.parties.map((p) => ({ value: p.id, label: p.name }));
    if (field === 'handlerId') return handlerChoices(users, detail.handlerId);
    if (field === 'clockKey')
      return detail.clocks
        .filter((c) => c.status === 'running')
        .map((c) => ({ value: c.key, label: `${c.name}${c.due ? `（${chineseDate(c.due)} 届满）` : ''}` }));
    return undefined;
  };

  const submit = async (name: string, body: unknown) => {
    const answer = await api.post<{ status?: string }>(`/api/cases/${detail.id}/actions/${name}`, body);
    setOpen(null);
    const label = labels[name] ?? name;
    // 202: the case's process has the action but has not finished it within the server's deadline.
    setDone(
      answer.status === 'pending'
        ? `已受理：${label}。办案流程正在办理，稍后刷新本页查看结果`
        : `已办理：${label}`,
    );
    props.onDone();
  };

  return (
    <section aria-labelledby="actions-title" className="card actions">
      <h2 id="actions-title">可办理事项</h2>
      {done && <Notice tone="ok">{done}</Notice>}
      {actions.length === 0 ? (
        <p className="muted">您现在没有可以办理的事项。</p>
      ) : (
        <div className="action-buttons" role="group" aria-label="可办理事项">
          {actions.map((name) => (
            <button
              key={name}
              type="button"
              className={open === name ? 'primary' : undefined}
              aria-expanded={open === name}
              onClick={() => {
                setDone(null);
                setOpen(open === name ? null : name);
              }}
            >
              {labels[name] ?? name}
            </button>
          ))}
        </div>
      )}
      {open && (
        <div className="action-form">
          <h3 ref={heading} tabIndex={-1}>
            {labels[open] ?? open}
          </h3>
          {schema.error && <Problem error={schema.error} />}
          {schema.data && (
            <SchemaForm
              key={open}
              schema={schema.data}
              choices={choices}
              submitLabel={`提交：${labels[open] ?? open}`}
              onSubmit={(body) => submit(open, body)}
              onCancel={() => setOpen(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}
