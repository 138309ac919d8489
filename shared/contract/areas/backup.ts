// Backups (issue 7, Administration → Backup): scheduled online backups with retention, manual
// backups, the list, and restore after an integrity check. Administrators only.
// Spread into the channel map by channels.ts; handlers in main/app/areas/backup.ts; docs/backup.md.
import { z } from 'zod';
import { channel, empty } from '../define';

export const BACKUP_KINDS = ['scheduled', 'manual', 'before-restore', 'before-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  scheduled: '定时备份',
  manual: '手动备份',
  'before-restore': '恢复前自动备份',
  'before-migration': '升级前自动备份',
};

/** Retention bounds for the daily scheduled backups. */
export const KEEP_DAILY = { min: 1, max: 90 } as const;

/** A backup file name: only these ever name a file in the backups folder (no paths). */
export const BACKUP_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.sqlite$/;

export const backupFileDto = z.object({
  fileName: z.string(),
  kind: z.enum(BACKUP_KINDS),
  /** ISO instant the backup was taken. */
  createdAt: z.string(),
  sizeBytes: z.number(),
});
export type BackupFileDto = z.infer<typeof backupFileDto>;

export const backupSettingsDto = z.object({
  enabled: z.boolean({ error: '请选择是否启用定时备份' }),
  /** Daily time in China Standard Time, HH:mm. */
  dailyAt: z
    .string({ error: '请填写每日备份时间' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '每日备份时间应为24小时制的“时:分”，例如 12:30'),
  keepDaily: z
    .number({ error: '请填写保留天数' })
    .int('保留天数应为整数')
    .min(KEEP_DAILY.min, `保留天数不能小于${KEEP_DAILY.min}`)
    .max(KEEP_DAILY.max, `保留天数不能大于${KEEP_DAILY.max}`),
});
export type BackupSettingsDto = z.infer<typeof backupSettingsDto>;

const fileName = z
  .string({ error: '请选择要恢复的备份' })
  .trim()
  .min(1, '请选择要恢复的备份')
  .regex(BACKUP_FILE_NAME, '备份文件名不正确：请从列表中选择备份，不要手工输入路径');

export const backupChannels = {
  'backup.list': channel({
    summary: 'The backups in the desk\'s backups folder (newest first), the schedule and when it runs next.',
    request: empty,
    response: z.object({
      settings: backupSettingsDto,
      /** Where the files are, for the administrator who copies them off the PC. */
      directory: z.string(),
      backups: z.array(backupFileDto),
      /** ISO instant of the next scheduled backup; null when the schedule is off. */
      nextScheduledAt: z.string().nullable(),
    }),
    access: ['admin'],
  }),
  'backup.create': channel({
    summary: 'Takes a manual online backup now (better-sqlite3 backup API), checks it, and lists it.',
    request: empty,
    response: backupFileDto,
    access: ['admin'],
  }),
  'backup.settings.set': channel({
    summary: 'Sets the daily schedule (time in CST, on/off) and how many daily backups to keep; audited.',
    request: backupSettingsDto,
    response: backupSettingsDto,
    access: ['admin'],
  }),
  'backup.check': channel({
    summary: 'Runs PRAGMA integrity_check on a backup and says whether the desk could restore it.',
    request: z.object({ fileName }),
    response: z.object({ ok: z.boolean(), message: z.string() }),
    access: ['admin'],
  }),
  'backup.restore': channel({
    summary:
      'Replaces the desk\'s data with a checked backup: the current data is backed up first, the backup is copied in with the online backup API, migrations are applied, every session ends.',
    request: z.object({
      fileName,
      confirm: z.literal(true, { error: '恢复会用备份替换工作台当前的全部数据，请先确认' }),
    }),
    response: z.object({ restoredFrom: z.string(), safetyBackup: backupFileDto, migrationsApplied: z.number() }),
    access: ['admin'],
  }),
} as const;
