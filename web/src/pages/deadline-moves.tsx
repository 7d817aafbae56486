/** The what-if report of a schedule or policy change: which open deadlines would move. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { Notice, Problem } from '../components/problem';
import { chineseDate } from '../lib/format';

export interface MoveReport {
  examined: number;
  moves: {
    caseId: string;
    clockName: string;
    oldDue: string | null;
    newDue: string | null;
    oldProvisional: boolean;
    newProvisional: boolean;
  }[];
  uncomputable: { caseId: string; clockKey: string; message: string }[];
  /** Other procuratorates' share, counted only. */
  elsewhere?: { procuratorateId: string; cases: number; moves: number; uncomputable: number }[];
}

/**
 * Shown instead of the change buttons to a procuratorate's admin: these settings bind every
 * procuratorate, and only the platform's administrator changes them.
 */
export function PlatformOnlyNote() {
  return (
    <Notice>
      此项设置适用于所有检察院，由平台管理员（省级或全国管理员）修改；本院系统管理员只能查看和预览。
    </Notice>
  );
}

const due = (d: string | null, provisional: boolean) =>
  d ? `${chineseDate(d)}${provisional ? '（暂定）' : ''}` : '中止中';

export function DeadlineMoves({ report }: { report: MoveReport }) {
  return (
    <div className="moves">
      <p>
        共检查 {report.examined} 个未届满期限，其中 <strong>{report.moves.length}</strong> 个将会变化
        {report.uncomputable.length > 0 && `，${report.uncomputable.length} 个无法计算`}。
      </p>
      <Elsewhere report={report} />
      {report.moves.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">将会变化的期限</caption>
            <thead>
              <tr>
                <th scope="col">案件</th>
                <th scope="col">期限</th>
                <th scope="col">现届满日</th>
                <th scope="col">变更后</th>
              </tr>
            </thead>
            <tbody>
              {report.moves.map((m, i) => (
                <tr key={i}>
                  <td>{m.caseId}</td>
                  <td>{m.clockName}</td>
                  <td>{due(m.oldDue, m.oldProvisional)}</td>
                  <td>
                    <strong>{due(m.newDue, m.newProvisional)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.uncomputable.map((u, i) => (
        <p key={i} className="problem small">
          {u.caseId} {u.clockKey}：{u.message}
        </p>
      ))}
    </div>
  );
}

/** Other procuratorates' deadlines that would move: counts only, no case is theirs to see here. */
function Elsewhere({ report }: { report: MoveReport }) {
  const others = report.elsewhere ?? [];
  if (others.length === 0) return null;
  const sum = (key: 'cases' | 'moves') => others.reduce((n, o) => n + o[key], 0);
  return (
    <p className="muted">
      本院期限列于下表；其他 {others.length} 个检察院另有 {sum('moves')} 个期限（{sum('cases')}{' '}
      件案件）将会变化，不列明细。
    </p>
  );
}

/**
 * The end of a what-if form: how the last step went, the button that asks for a preview, and
 * once there is one, the deadlines it would move and the button that makes the change.
 */
export function WhatIfOutcome(props: {
  problem: ApiError | null;
  done: string | null;
  preview: MoveReport | null;
  /** What the preview is of, above the moves. */
  heading?: ReactNode;
  confirm: string;
  onConfirm: () => void;
  /** False for a procuratorate's admin: a preview only, with the note instead of the button. */
  canApply?: boolean;
}) {
  const { problem, done, preview } = props;
  return (
    <>
      {problem && <Problem error={problem} />}
      {done && <Notice tone="ok">{done}</Notice>}
      <div className="form-buttons">
        <button type="submit">预览变化（不保存）</button>
      </div>
      {preview && (
        <div className="preview">
          {props.heading}
          <DeadlineMoves report={preview} />
          {props.canApply === false ? (
            <PlatformOnlyNote />
          ) : (
            <button type="button" className="primary" onClick={props.onConfirm}>
              {props.confirm}
            </button>
          )}
        </div>
      )}
    </>
  );
}
