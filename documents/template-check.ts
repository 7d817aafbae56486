/**
 * Checks a template before it is used (a procuratorate's upload): every placeholder names a value
 * the kind's documents have, and the template renders with sample data. A refusal names the
 * placeholder or the fault in Chinese, for the admin who uploaded it.
 */
import { listCommands } from 'docx-templates';
import type { DocumentKind } from '../domain/documents/kinds';
import { DOCUMENT_KINDS } from '../domain/documents/kinds';
import { sampleData } from '../domain/documents/samples';
import { renderDocx } from './render';

export type TemplateCheck = { ok: true } | { ok: false; message: string };

/** Functions a template may call beside the data (documents/render.ts). */
const FUNCTIONS = new Set(['qrCode']);

/** The names a command reads: `name`, `$loopVar`, `fn()`, `fn(name)`, or `x IN list` for a loop. */
function namesOf(type: string, code: string): string[] | undefined {
  const c = code.trim();
  if (type === 'END-FOR' || type === 'END-IF') return [];
  if (type === 'FOR') {
    const m = /^([A-Za-z_]\w*)\s+IN\s+([A-Za-z_$][\w$]*)$/.exec(c);
    return m ? [m[2]!] : undefined;
  }
  const m = /^([A-Za-z_$][\w$]*)(?:\(\s*([A-Za-z_$][\w$]*)?\s*\))?$/.exec(c);
  return m ? [m[1]!, ...(m[2] ? [m[2]] : [])] : undefined;
}

export async function checkTemplate(kind: DocumentKind, bytes: Buffer): Promise<TemplateCheck> {
  const title = DOCUMENT_KINDS[kind].title;
  const data = sampleData(kind);
  let commands: Awaited<ReturnType<typeof listCommands>>;
  try {
    commands = await listCommands(new Uint8Array(bytes).buffer, ['{{', '}}']);
  } catch {
    return { ok: false, message: `模板不是有效的 .docx 文件，或占位符未闭合（${title}）` };
  }
  for (const { raw, type, code } of commands) {
    const names = namesOf(type, code);
    if (!names) return { ok: false, message: `模板的占位符 {{${raw}}} 不是本系统支持的写法` };
    const unknown = names.find((n) => !n.startsWith('$') && !(n in data) && !FUNCTIONS.has(n));
    if (unknown !== undefined)
      return { ok: false, message: `模板的占位符 {{${raw}}} 中的 ${unknown} 不是${title}的内容` };
  }
  try {
    await renderDocx(bytes, data);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, message: `模板无法用示例数据生成${title}：${why}` };
  }
  return { ok: true };
}
