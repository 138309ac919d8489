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
    /** Set by an admin's password reset: the operator must choose a new password at the next login. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    /** Consecutive wrong passwords since the last good login (login attempt limit). */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** ISO instant until which logins are refused after too many wrong passwords; null when not locked. */
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('operators_username_uq').on(t.username)],
);
