import { firstRow, type Db, type Tx } from './pool';

export interface CreationRecord {
  case_id: string;
  procuratorate_id: string;
  external_ref: string | null;
  public_lead_id?: string | null;
  /** Hash of the registering user and the request's Idempotency-Key, when it carried one. */
  request_key?: string | null;
  input: unknown;
}

/** Next case number of a procuratorate in a year: <procuratorate>-<year>-<00001>. */
export async function allocateCaseNumber(tx: Tx, procuratorateId: string, year: number): Promise<string> {
  const rows = await tx.query<{ last_value: number }>(
    `INSERT INTO case_sequences (procuratorate_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (procuratorate_id, year) DO UPDATE SET last_value = case_sequences.last_value + 1
     RETURNING last_value`,
    [procuratorateId, year],
  );
  return `${procuratorateId}-${year}-${String(rows[0]!.last_value).padStart(5, '0')}`;
}

/** Keeps the workflow input of a case being created, so a crash between the two steps can be resumed. */
export async function recordCreation(tx: Tx, rec: CreationRecord): Promise<void> {
  await tx.query(
    `INSERT INTO case_creations (case_id, procuratorate_id, external_ref, public_lead_id, input, request_key)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      rec.case_id,
      rec.procuratorate_id,
      rec.external_ref,
      rec.public_lead_id ?? null,
      JSON.stringify(rec.input),
      rec.request_key ?? null,
    ],
  );
}

/** The case a registration request (its user and Idempotency-Key, hashed) already numbered. */
export async function findCreationByRequestKey(
  q: Db | Tx,
  procuratorateId: string,
  requestKey: string,
): Promise<CreationRecord | undefined> {
  return firstRow<CreationRecord>(
    q,
    'SELECT case_id, procuratorate_id, external_ref, input FROM case_creations WHERE procuratorate_id = $1 AND request_key = $2',
    [procuratorateId, requestKey],
  );
}

export async function findCreationByRef(
  q: Db | Tx,
  procuratorateId: string,
  externalRef: string,
): Promise<CreationRecord | undefined> {
  return firstRow<CreationRecord>(
    q,
    'SELECT case_id, procuratorate_id, external_ref, input FROM case_creations WHERE procuratorate_id = $1 AND external_ref = $2',
    [procuratorateId, externalRef],
  );
}
