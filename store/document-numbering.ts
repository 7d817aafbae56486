/** How a procuratorate numbers its documents (文号), and the counters that give the numbers. */
import {
  defaultNumbering,
  DOCUMENT_KIND_IDS,
  type DocumentKind,
  type NumberingSettings,
} from '../domain/documents/kinds';
import { firstRow, type Db, type Tx } from './pool';

export interface StoredNumbering extends NumberingSettings {
  /** False while the procuratorate has set nothing and the defaults apply. */
  configured: boolean;
}

/** The procuratorate's settings, each missing part filled from the defaults derived from its name. */
export async function numberingOf(q: Db | Tx, procuratorateId: string): Promise<StoredNumbering | undefined> {
  const row = await firstRow<{
    name: string;
    short_name: string | null;
    kind_codes: Record<string, string> | null;
  }>(
    q,
    `SELECT p.name, s.short_name, s.kind_codes FROM procuratorates p
     LEFT JOIN procuratorate_document_settings s ON s.procuratorate_id = p.id WHERE p.id = $1`,
    [procuratorateId],
  );
  if (!row) return undefined;
  const defaults = defaultNumbering(row.name);
  const codes = { ...defaults.kindCodes };
  for (const kind of DOCUMENT_KIND_IDS) {
    const code = row.kind_codes?.[kind];
    if (code) codes[kind] = code;
  }
  return {
    shortName: row.short_name ?? defaults.shortName,
    kindCodes: codes,
    configured: row.short_name !== null,
  };
}

export async function saveNumbering(
  db: Db,
  procuratorateId: string,
  settings: { shortName: string; kindCodes: Partial<Record<DocumentKind, string>> },
  updatedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO procuratorate_document_settings (procuratorate_id, short_name, kind_codes, updated_by)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (procuratorate_id) DO UPDATE
       SET short_name = EXCLUDED.short_name, kind_codes = EXCLUDED.kind_codes,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [procuratorateId, settings.shortName, JSON.stringify(settings.kindCodes), updatedBy],
  );
}

/**
 * The next number of a kind in a year. The counter row stays locked until the caller's
 * transaction ends, so numbers are given one at a time, and a transaction that rolls back
 * gives its number back: no gap, no repeat.
 */
export async function allocateDocumentNumber(
  tx: Tx,
  procuratorateId: string,
  kind: DocumentKind,
  year: number,
): Promise<number> {
  const rows = await tx.query<{ last_value: number }>(
    `INSERT INTO document_number_counters (procuratorate_id, kind, year, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (procuratorate_id, kind, year)
       DO UPDATE SET last_value = document_number_counters.last_value + 1
     RETURNING last_value`,
    [procuratorateId, kind, year],
  );
  return rows[0]!.last_value;
}
