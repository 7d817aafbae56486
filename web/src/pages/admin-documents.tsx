/**
 * 法律文书模板与编号: each kind's template (the one in use, download, upload a replacement, return
 * to the default) and how the procuratorate numbers its documents (院简称 and each kind's 代字).
 */
import { useState } from 'react';
import { ApiError, api, download, uploadFile } from '../api/client';
import { Loading, Notice, Problem } from '../components/problem';
import { chineseDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';

interface TemplateRef {
  id: string;
  version: number;
}
interface Upload extends TemplateRef {
  kind: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
interface KindTemplates {
  kind: string;
  title: string;
  default: TemplateRef;
  uploads: Upload[];
  reset: { throughVersion: number; resetBy: string; resetAt: string } | null;
  inUse: TemplateRef;
}
interface Numbering {
  shortName: string;
  kindCodes: Record<string, string>;
  configured: boolean;
  examples: Record<string, string>;
}

const TEMPLATES = '/api/admin/documents/templates';
const NUMBERING = '/api/admin/documents/numbering';

const usesDefault = (k: KindTemplates) => k.inUse.id === k.default.id;

export function AdminDocuments() {
  return (
    <div>
      <AdminTemplates />
      <AdminNumbering />
    </div>
  );
}

function AdminTemplates() {
  const list = useApi(() => api.get<KindTemplates[]>(TEMPLATES), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ title: string; error: ApiError } | null>(null);

  const run = async (k: KindTemplates, what: () => Promise<string>) => {
    setBusy(k.kind);
    setDone(null);
    setProblem(null);
    try {
      setDone(await what());
      list.reload();
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, String(err));
      setProblem({ title: `${k.title}模板未更换`, error });
    } finally {
      setBusy(null);
    }
  };
  const upload = (k: KindTemplates, file: File) =>
    run(k, async () => {
      const saved = await uploadFile<Upload>(`${TEMPLATES}/${k.kind}`, file, {}, 'PUT');
      return `已上传${k.title}模板第 ${saved.version} 版，此后起草的${k.title}使用该模板。`;
    });
  const reset = (k: KindTemplates) =>
    run(k, async () => {
      await api.delete(`${TEMPLATES}/${k.kind}`);
      return `${k.title}已恢复使用系统默认模板；本院上传的各版本仍保留。`;
    });
  const downloadInUse = (k: KindTemplates) => {
    const version = usesDefault(k) ? 'default' : String(k.inUse.version);
    const label = usesDefault(k) ? '默认' : `第${k.inUse.version}版`;
    download(`${TEMPLATES}/${k.kind}/${version}`, `${k.title}模板（${label}）.docx`).catch((err: unknown) =>
      setProblem({
        title: `${k.title}模板未能下载`,
        error: err instanceof ApiError ? err : new ApiError(0, String(err)),
      }),
    );
  };

  return (
    <section className="card">
      <h2>文书模板</h2>
      <p className="muted small">
        模板为 Word 文档（.docx，不超过 5 MB），占位符写作 {'{{INS 名称}}'}
        。上传前系统用示例案件数据生成一份文书：
        占位符不认识或无法生成的模板不会被采用。新模板只用于此后起草的文书，已起草的文书仍按原模板签发。
      </p>
      {done && <Notice tone="ok">{done}</Notice>}
      {problem && <Problem title={problem.title} error={problem.error} />}
      {list.error && <Problem error={list.error} />}
      {!list.data && !list.error && <Loading what="模板" />}
      {list.data && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">各类文书的模板</caption>
            <thead>
              <tr>
                <th scope="col">文书</th>
                <th scope="col">现用模板</th>
                <th scope="col">本院上传</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((k) => {
                const last = k.uploads.at(-1);
                return (
                  <tr key={k.kind} data-kind={k.kind}>
                    <th scope="row">{k.title}</th>
                    <td>{usesDefault(k) ? '系统默认模板' : `本院第 ${k.inUse.version} 版`}</td>
                    <td className="small">
                      {last
                        ? `共 ${k.uploads.length} 版，最近 ${chineseDateTime(last.uploadedAt)}`
                        : '未上传'}
                      {k.reset && usesDefault(k) && last && (
                        <div className="muted">已于 {chineseDateTime(k.reset.resetAt)} 恢复默认</div>
                      )}
                    </td>
                    <td>
                      <span className="inline">
                        <button type="button" onClick={() => downloadInUse(k)}>
                          下载现用模板
                        </button>
                        <label className="button">
                          上传新模板
                          <input
                            type="file"
                            className="sr-only"
                            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                            aria-label={`上传${k.title}模板`}
                            disabled={busy !== null}
                            onChange={(e) => {
                              const file = e.target.files?.[0];
                              e.target.value = '';
                              if (file) void upload(k, file);
                            }}
                          />
                        </label>
                        {!usesDefault(k) && (
                          <button type="button" disabled={busy !== null} onClick={() => void reset(k)}>
                            恢复默认模板
                          </button>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AdminNumbering() {
  const loaded = useApi(() => api.get<Numbering>(NUMBERING), []);
  const titles = useApi(() => api.get<KindTemplates[]>(TEMPLATES), []);
  const [shortName, setShortName] = useState<string | null>(null);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  if (loaded.error) return <Problem error={loaded.error} />;
  if (!loaded.data || !titles.data) return <Loading what="编号设置" />;
  const n = loaded.data;
  const kinds = titles.data;

  const save = async () => {
    setDone(null);
    setProblem(null);
    try {
      const saved = await api.put<Numbering>(NUMBERING, {
        shortName: shortName ?? n.shortName,
        kindCodes: { ...n.kindCodes, ...codes },
      });
      setDone(`已保存。此后签发的文书按新设置编号，如 ${saved.examples.recommendation ?? ''}。`);
      setShortName(null);
      setCodes({});
      loaded.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <form
      className="card"
      aria-labelledby="numbering-heading"
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <h2 id="numbering-heading">文书编号（文号）</h2>
      <p className="muted small">
        文号由院简称、文书代字、〔年份〕和序号组成，每年按种类从 1 号起连续编号，签发时编定。
        {!n.configured && '本院尚未设置，现按院名推定。'}
      </p>
      <div className="field">
        <label htmlFor="num-short">院简称</label>
        <input
          id="num-short"
          className="short"
          value={shortName ?? n.shortName}
          onChange={(e) => setShortName(e.target.value)}
        />
      </div>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">各类文书的代字</caption>
          <thead>
            <tr>
              <th scope="col">文书</th>
              <th scope="col">代字</th>
              <th scope="col">现行样式</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{k.title}</th>
                <td>
                  <input
                    className="short"
                    aria-label={`${k.title}的代字`}
                    value={codes[k.kind] ?? n.kindCodes[k.kind] ?? ''}
                    onChange={(e) => setCodes({ ...codes, [k.kind]: e.target.value })}
                  />
                </td>
                <td>{n.examples[k.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && <Problem error={problem} />}
      {done && <Notice tone="ok">{done}</Notice>}
      <p>
        <button type="submit" className="primary">
          保存编号设置
        </button>
      </p>
    </form>
  );
}
