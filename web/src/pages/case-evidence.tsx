/**
 * The case's evidence files: the list (thumbnails for images), upload and download. Files are
 * never changed; a newer file may replace one, with the reason, and both stay.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, download, objectUrlOf, uploadFile } from '../api/client';
import { Problem } from '../components/problem';
import { useApi } from '../lib/use-api';
import { chineseDateTime } from '../lib/format';

export interface EvidenceFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  source: 'upload' | 'public_lead';
  supersedes: string | null;
  supersedeReason: string | null;
  supersededBy: string | null;
  addedBy: string;
  addedAt: string;
  recordedSeq: number | null;
}

const ACCEPT =
  'image/jpeg,image/png,image/gif,image/webp,application/pdf,video/mp4,video/quicktime,.docx,.zip';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Thumbnail({ caseId, file }: { caseId: string; file: EvidenceFile }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    let made: string | undefined;
    objectUrlOf(`/api/cases/${caseId}/evidence/${file.id}?inline=true`).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [caseId, file.id]);
  return url ? (
    <img className="evidence-thumb" src={url} alt={`${file.name} 缩略图`} />
  ) : (
    <span className="evidence-thumb placeholder" aria-hidden="true" />
  );
}

export function CaseEvidence({
  caseId,
  canUpload,
  nameOf,
  onDone,
}: {
  caseId: string;
  canUpload: boolean;
  nameOf: (userId: string) => string;
  onDone: () => void;
}) {
  const [version, setVersion] = useState(0);
  const files = useApi(() => api.get<EvidenceFile[]>(`/api/cases/${caseId}/evidence`), [caseId, version]);
  const [chosen, setChosen] = useState<File | null>(null);
  const [replacing, setReplacing] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      const saved = await uploadFile<EvidenceFile>(`/api/cases/${caseId}/evidence`, chosen, {
        name: chosen.name,
        supersedes: replacing || undefined,
        reason: replacing ? reason : undefined,
      });
      setDone(`已上传「${saved.name}」，SHA-256：${saved.sha256.slice(0, 16)}…`);
      setChosen(null);
      setReplacing('');
      setReason('');
      (e.target as HTMLFormElement).reset();
      setVersion((v) => v + 1);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  }

  const list = files.data ?? [];
  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h2 id="evidence-title">证据材料</h2>
      {files.error && <Problem error={files.error} />}
      {files.data && list.length === 0 && <p className="muted">本案尚无证据材料。</p>}
      {list.length > 0 && (
        <ul className="evidence-list">
          {list.map((f) => (
            <li key={f.id} className={f.supersededBy ? 'superseded' : undefined}>
              {f.mediaType.startsWith('image/') ? (
                <Thumbnail caseId={caseId} file={f} />
              ) : (
                <span className="evidence-thumb kind" aria-hidden="true">
                  {f.mediaType === 'application/pdf'
                    ? 'PDF'
                    : f.mediaType.startsWith('video/')
                      ? '视频'
                      : '文件'}
                </span>
              )}
              <div className="evidence-meta">
                <button
                  type="button"
                  className="link"
                  onClick={() => void download(`/api/cases/${caseId}/evidence/${f.id}`, f.name)}
                >
                  {f.name}
                </button>
                <span className="small muted">
                  {sizeText(f.size)} · {f.source === 'public_lead' ? '群众举报附件' : nameOf(f.addedBy)} ·{' '}
                  {chineseDateTime(f.addedAt)}
                  {f.recordedSeq === null ? ' · 尚未记入时间线' : ''}
                </span>
                <code className="small" title="SHA-256">
                  {f.sha256.slice(0, 16)}…
                </code>
                {f.supersededBy && <span className="small">已被较新文件替代</span>}
                {f.supersedes && <span className="small">替代旧文件，理由：{f.supersedeReason}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <form className="evidence-upload" onSubmit={(e) => void submit(e)}>
          <label>
            选择文件
            <input
              type="file"
              accept={ACCEPT}
              onChange={(e) => setChosen(e.target.files?.[0] ?? null)}
              disabled={busy}
            />
          </label>
          {list.length > 0 && (
            <label>
              替代已有文件（可选）
              <select value={replacing} onChange={(e) => setReplacing(e.target.value)} disabled={busy}>
                <option value="">不替代</option>
                {list
                  .filter((f) => !f.supersededBy)
                  .map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
              </select>
            </label>
          )}
          {replacing && (
            <label>
              替代理由
              <input value={reason} onChange={(e) => setReason(e.target.value)} required disabled={busy} />
            </label>
          )}
          <button type="submit" disabled={!chosen || busy}>
            {busy ? '正在上传…' : '上传'}
          </button>
          <p className="small muted">
            可上传图片（JPEG、PNG、GIF、WebP）、PDF、MP4/MOV 视频、Word（DOCX）、ZIP；文件上传后不能修改。
          </p>
          {error && <Problem error={error} />}
          {done && (
            <p role="status" className="notice">
              {done}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
