/**
 * The PDF of a document, converted from its DOCX by LibreOffice running headless. Conversions run
 * one at a time per process (LibreOffice does not share its profile), each with a time limit, in
 * the converter's own profile directory. Where LibreOffice is absent, documents are DOCX only.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfConverter {
  /** Whether PDFs can be made here at all (LibreOffice is installed). */
  available(): boolean;
  /** The PDF of a DOCX; rejects when LibreOffice fails or runs out of time. */
  convert(docx: Buffer): Promise<Buffer>;
}

/** Raised when no PDF can be made: the caller answers that the PDF is unavailable. */
export class PdfUnavailableError extends Error {}

/** soffice as named by SOFFICE_PATH, else found on PATH; undefined when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.SOFFICE_PATH
    ? [env.SOFFICE_PATH]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter((d) => d.length > 0)
        .flatMap((d) => [join(d, 'soffice'), join(d, 'libreoffice')]);
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function libreOfficeConverter(
  options: { soffice?: string | undefined; timeoutMs?: number } = {},
): PdfConverter {
  const soffice = 'soffice' in options ? options.soffice : findSoffice();
  const timeoutMs = options.timeoutMs ?? 60_000;
  let profile: Promise<string> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const convertNow = async (docx: Buffer): Promise<Buffer> => {
    if (!soffice) throw new PdfUnavailableError('LibreOffice 未安装');
    profile ??= mkdtemp(join(tmpdir(), 'duban-soffice-profile-'));
    const work = await mkdtemp(join(tmpdir(), 'duban-pdf-'));
    try {
      await writeFile(join(work, 'document.docx'), docx);
      const args = [
        `-env:UserInstallation=${pathToFileURL(await profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        work,
        join(work, 'document.docx'),
      ];
      await new Promise<void>((resolve, reject) => {
        execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, _out, stderr) =>
          err
            ? reject(
                new PdfUnavailableError(
                  `LibreOffice 转换失败：${err.killed ? '超时' : stderr || err.message}`,
                ),
              )
            : resolve(),
        );
      });
      return await readFile(join(work, 'document.pdf')).catch(() => {
        throw new PdfUnavailableError('LibreOffice 没有生成 PDF');
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };

  return {
    available: () => soffice !== undefined,
    convert(docx) {
      const result = queue.then(() => convertNow(docx));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

let shared: PdfConverter | undefined;
/** The process's converter: one LibreOffice at a time for the whole process. */
export function systemPdfConverter(): PdfConverter {
  shared ??= libreOfficeConverter();
  return shared;
}
