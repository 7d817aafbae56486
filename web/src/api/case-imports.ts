/** The case-import routes (/api/case-imports): template, dry run, import job and its progress. */
import { api, download, uploadFile } from './client';

export interface ClockPreview {
  clockId: string;
  name: string;
  start: string;
  due: string | null;
  metOn: string | null;
  state: string;
  overdue: boolean;
}

export interface RowReport {
  row: number;
  key: string | null;
  status: 'ok' | 'error' | 'imported';
  summary: string;
  errors: string[];
  clocks: ClockPreview[];
}

export interface DryRunReport {
  rows: RowReport[];
  totals: { rows: number; ok: number; errors: number; imported: number };
}

export interface ImportJob {
  id: string;
  fileName: string;
  status: 'running' | 'finished' | 'failed';
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  problems: { row: number; key: string; status: string; message: string }[];
}

export const caseImports = {
  template: () => download('/api/case-imports/template', '既往案件导入模板.xlsx'),
  dryRun: (file: File) => uploadFile<DryRunReport>('/api/case-imports/dry-run', file),
  start: (file: File) => uploadFile<{ id: string }>('/api/case-imports', file, { fileName: file.name }),
  job: (id: string) => api.get<ImportJob>(`/api/case-imports/${encodeURIComponent(id)}`),
};
