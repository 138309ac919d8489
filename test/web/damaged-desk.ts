// A data folder whose desk.sqlite fails the start-up integrity check, with or without a good backup:
// the fixture for the way out of a damaged database (docs/backup.md), in both modes.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseCorruptError, openDatabase } from '../../db/open';
import { referral, setUpDesk } from '../helpers/desk';

export interface DamagedDesk {
  dataDir: string;
  /** The filing made before the backup: it is back after a restore. */
  filingId: string;
  /** The good backup's file name (a fixed CST time in its name), or null without one. */
  backup: string | null;
  remove(): void;
}

export const GOOD_BACKUP = 'manual-20261120-083000.sqlite';

/** Damages pages past the header: SQLite still opens the file, quick_check fails. */
export function damage(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 4096; i < bytes.length; i += 61) bytes[i] = (bytes[i]! + 77) % 256;
  writeFileSync(file, bytes);
}

export async function damagedDesk(withBackup: boolean): Promise<DamagedDesk> {
  const t = await setUpDesk();
  const created = await t.desk.dispatch('filing.create', referral(), t.admin);
  if (!created.ok) throw new Error(created.message);
  let backup: string | null = null;
  if (withBackup) {
    const taken = await t.desk.dispatch('backup.create', {}, t.admin);
    if (!taken.ok) throw new Error(taken.message);
    // Renamed to a fixed time so the operator's line can be checked exactly.
    copyFileSync(join(t.dir, 'backups', taken.value.fileName), join(t.dir, 'backups', GOOD_BACKUP));
    rmSync(join(t.dir, 'backups', taken.value.fileName));
    backup = GOOD_BACKUP;
  }
  t.desk.close();
  const live = join(t.dir, 'desk.sqlite');
  damage(live);
  try {
    openDatabase(live).close();
    throw new Error('the fixture did not damage the database');
  } catch (error) {
    if (!(error instanceof DatabaseCorruptError)) throw error;
  }
  return { dataDir: t.dir, filingId: created.value.id, backup, remove: () => rmSync(t.dir, { recursive: true, force: true }) };
}

/** The filing ids in a (closed) desk database. */
export function filingIds(dataDir: string): string[] {
  const handle = openDatabase(join(dataDir, 'desk.sqlite'));
  try {
    return (handle.sqlite.prepare('select id from filings').all() as { id: string }[]).map((r) => r.id);
  } finally {
    handle.close();
  }
}
