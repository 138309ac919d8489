import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const operators = sqliteTable(
  'operators',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['operator', 'reviewer', 'admin'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('operators_username_uq').on(t.username)],
);
