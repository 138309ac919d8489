import { eq } from 'drizzle-orm';
import type { InstitutionDto } from '../../shared/contract';
import { institution, settings } from '../schema';
import type { Exec } from './types';

export function getInstitution(db: Exec): InstitutionDto | null {
  const row = db.select().from(institution).where(eq(institution.id, 1)).get();
  return row ? { code: row.code, name: row.name, regionCode: row.regionCode } : null;
}

export function saveInstitution(db: Exec, value: InstitutionDto, at: string): void {
  db.insert(institution).values({ id: 1, ...value, createdAt: at }).run();
}

export function getSetting<T>(db: Exec, key: string): T | undefined {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function putSetting(db: Exec, key: string, value: unknown, at: string): void {
  const json = JSON.stringify(value);
  db.insert(settings)
    .values({ key, value: json, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: at } })
    .run();
}

export function updateInstitution(db: Exec, value: InstitutionDto): void {
  db.update(institution).set(value).where(eq(institution.id, 1)).run();
}
