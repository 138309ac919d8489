import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';

/** The designated institution this desk files for; exactly one row (id = 1) once set up. */
export const institution = sqliteTable('institution', {
  id: integer('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Desk-wide settings as key -> JSON value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Per-day counters, the day in China Standard Time (filing local numbers, msgid sequences). */
export const dailyCounters = sqliteTable(
  'daily_counters',
  {
    scope: text('scope').notNull(),
    day: text('day').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);
