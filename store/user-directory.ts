// Who is who in a procuratorate, for showing names instead of user IDs: no login names or e-mail.
import type { Db } from './pool';

export interface DirectoryRow {
  id: string;
  display_name: string;
  roles: string[];
  active: boolean;
}

/** Every user of the procuratorate, the deactivated ones too: old timeline entries name them. */
export async function userDirectory(db: Db, procuratorateId: string): Promise<DirectoryRow[]> {
  return db.query<DirectoryRow>(
    `SELECT id, display_name, roles, active FROM users WHERE procuratorate_id = $1
      ORDER BY active DESC, display_name, id LIMIT 5000`,
    [procuratorateId],
  );
}
