import type { Db } from '../../store/pool';

/**
 * Makes the database refuse one case's timeline entries of one kind, as it refuses data it
 * cannot store (check_violation, SQLSTATE class 23). Returns the function that lifts it.
 * Names are built from the case id and kind, both made by the test itself.
 */
export async function refuseEntries(db: Db, caseId: string, kind: string): Promise<() => Promise<void>> {
  const name = `refuse_${kind}_${caseId}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  await db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.case_id = '${caseId}' AND NEW.kind = '${kind}' THEN
        RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`);
  await db.query(
    `CREATE TRIGGER ${name} BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.query(`DROP TRIGGER ${name} ON audit_entries`);
    await db.query(`DROP FUNCTION ${name}()`);
  };
}
