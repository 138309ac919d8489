import { and, eq } from 'drizzle-orm';
import { platformDictionaries } from '../schema';
import type { Exec } from './types';

export interface CachedDictionaryEntry {
  value: string;
  label: string;
  parentValue?: string;
  sort?: number;
}

export interface CachedDictionary {
  type: string;
  region: string;
  entries: CachedDictionaryEntry[];
  fetchedAt: string;
}

export function saveDictionary(db: Exec, value: CachedDictionary): void {
  db.insert(platformDictionaries)
    .values(value)
    .onConflictDoUpdate({
      target: [platformDictionaries.type, platformDictionaries.region],
      set: { entries: value.entries, fetchedAt: value.fetchedAt },
    })
    .run();
}

export function loadDictionary(db: Exec, type: string, region: string): CachedDictionary | undefined {
  return db
    .select()
    .from(platformDictionaries)
    .where(and(eq(platformDictionaries.type, type), eq(platformDictionaries.region, region)))
    .get();
}
