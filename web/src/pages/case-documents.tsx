/**
 * The case's statutory documents (法律文书): the list with each one's number, status, version and
 * template, downloads as Word and PDF, a preview, and the handler's edits to a draft's free-text
 * parts before the decision. An issued document is read-only.
 */
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../domain/documents/kinds';
import { ApiError, api, download, objectUrlOf } from '../api/client';
import { Problem } from '../components/problem';
import { useApi } from '../lib/use-api';
import { chineseDateTime } from '../lib/format';
import { DraftForm, EDITABLE_PARTS, LIST_PARTS, type EditableParts } from './case-document-draft';

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  number: string | null;
  title: string;
  status: 'draft' | 'issued' | 'superseded';
  version: number;
  sha256: string | null;
  createdAt: string;
  createdBy: string;
  issuedAt: string | null;
  template: { id: string; version: number };
  formats: ('docx' | 'pdf')[];
  editable: EditableParts | null;
}

const STATUS = { draft: '草稿', issued: '已签发', superseded: '已被替代' } as const;

const fileName = (d: CaseDocument, ext: 'docx' | 'pdf') => `${d.title}${d.number ?? '（草稿）'}.${ext}`;
export const documentPath = (caseId: string, d: CaseDocument) => `/api/cases/${caseId}/documents/${d.id}`;

export function CaseDocuments({
  caseId,
  canEdit,
  nameOf,
  version,
  onDone,
}: {
  caseId: string;
  canEdit: boolean;
  nameOf: (userId: string) => string;
  /** Changes when the case does: an action may have drafted or issued a document. */
  version: number;
  onDone: () => void;
}) {
  const [edits, setEdits] = useState(0);
  const docs = useApi(
    () => api.get<CaseDocument[]>(`/api/cases/${caseId}/documents`),
    [caseId, version, edits],
  );
  const [previewing, setPreviewing] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const list = (docs.data ?? []).filter((d) => d.status !== 'superseded');
  const shown = list.find((d) => d.id === previewing);
  const edited = list.find((d) => d.id === editing && d.editable);

  const save = (name: string, path: string) =>
    download(path, name).catch((err: unknown) =>
      setError(err instanceof ApiError ? err : new ApiError(0, String(err))),
    );

  return (
    <section aria-labelledby="documents-title" className="documents">
      <h2 id="documents-title">法律文书</h2>
      {docs.error && <Problem error={docs.error} />}
      {docs.data && list.length === 0 && <p className="muted">本案尚无法律文书。</p>}
      {list.length > 0 && (
        <div className="scroll-x">
          <table className="documents-table">
            <thead>
              <tr>
                <th>文书</th>
                <th>文号</th>
                <th>状态</th>
                <th>版本</th>
                <th>制作</th>
                <th>模板</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} aria-label={d.title}>
                  <td data-label="文书">
                    {DOCUMENT_KINDS[d.kind]?.title ?? d.kind}
                    <div className="small muted">{d.title}</div>
                  </td>
                  <td data-label="文号">{d.number ?? <span className="muted">签发时编号</span>}</td>
                  <td data-label="状态">{STATUS[d.status]}</td>
                  <td data-label="版本">第 {d.version} 版</td>
                  <td className="small" data-label="制作">
                    {nameOf(d.createdBy)}
                    <br />
                    {chineseDateTime(d.createdAt)}
                  </td>
                  <td className="small" data-label="模板">
                    {d.template.id} · v{d.template.version}
                  </td>
                  <td className="document-actions" data-label="操作">
                    <button type="button" className="link" onClick={() => setPreviewing(d.id)}>
                      预览
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() => void save(fileName(d, 'docx'), documentPath(caseId, d))}
                    >
                      下载 Word
                    </button>
                    {d.formats.includes('pdf') && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => void save(fileName(d, 'pdf'), `${documentPath(caseId, d)}?format=pdf`)}
                      >
                        下载 PDF
                      </button>
                    )}
                    {canEdit && d.editable && (
                      <button type="button" className="link" onClick={() => setEditing(d.id)}>
                        修改草稿
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <Problem error={error} />}
      {edited && (
        <DraftForm
          key={`${edited.id}-${edits}`}
          path={documentPath(caseId, edited)}
          title={edited.title}
          start={edited.editable!}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            setEdits((n) => n + 1);
            onDone();
          }}
        />
      )}
      {shown && <Preview key={`${shown.id}-${shown.sha256 ?? edits}`} caseId={caseId} doc={shown} />}
    </section>
  );
}

/** The PDF in the page where the server makes PDFs; otherwise the draft's text. */
function Preview({ caseId, doc }: { caseId: string; doc: CaseDocument }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const pdf = doc.formats.includes('pdf');
  useEffect(() => {
    if (!pdf) return;
    let live = true;
    let made: string | undefined;
    objectUrlOf(`${documentPath(caseId, doc)}?format=pdf`).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err))),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [caseId, doc, pdf]);
  return (
    <div className="document-preview" role="region" aria-label="文书预览">
      <h3>预览：{doc.title}</h3>
      {error && <Problem error={error} />}
      {pdf && url && <iframe title={`${doc.title} PDF 预览`} src={url} className="document-pdf" />}
      {!pdf && (
        <>
          <p className="small muted">本服务器不能生成 PDF，以下为文书正文摘要；完整版式请下载 Word 文档。</p>
          <p>文号：{doc.number ?? '（签发时编定）'}</p>
          {doc.editable ? (
            <>
              {EDITABLE_PARTS.filter((p) => doc.editable![p.key] !== undefined).map((p) => (
                <p key={p.key}>
                  <strong>{p.label}：</strong>
                  {doc.editable![p.key]}
                </p>
              ))}
              {LIST_PARTS.filter((p) => doc.editable![p.key] !== undefined).map((p) => (
                <div key={p.key}>
                  <strong>{p.label}：</strong>
                  <ol>
                    {doc.editable![p.key]!.map((item, i) => (
                      <li key={i}>{item}</li>
                    ))}
                  </ol>
                </div>
              ))}
            </>
          ) : (
            <p>SHA-256：{doc.sha256 ?? '—'}</p>
          )}
        </>
      )}
    </div>
  );
}
