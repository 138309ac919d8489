// Administration: operators and roles, sign-in security (attempt limits, idle lock, forced password
// change), the audit viewer and the desk's settings. Backups live in their own file.
// Spread into the channel map by channels.ts; handlers in main/app/areas/admin.ts.
import { z } from 'zod';
import { channel, empty } from '../define';
import { fixmedinsCode, institutionDto, operatorDto } from '../dtos';
import { ROLES } from '../roles';
import { isIsoDate } from '../../domain/time';
import { optionalText, password, regionCode, requiredText } from '../../domain/fields';

/** Sign-in security an admin configures (defaults in main/services/settings.ts). */
export const SECURITY_LIMITS = {
  loginMaxAttempts: { min: 3, max: 20 },
  lockoutMinutes: { min: 1, max: 1440 },
  idleLockMinutes: { min: 1, max: 240 },
} as const;

function wholeNumber(label: string, { min, max }: { min: number; max: number }) {
  return z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`);
}

export const securitySettingsDto = z.object({
  /** Wrong passwords in a row before the account is locked. */
  loginMaxAttempts: wholeNumber('连续错误次数上限', SECURITY_LIMITS.loginMaxAttempts),
  /** How long the account stays locked. */
  lockoutMinutes: wholeNumber('锁定时长（分钟）', SECURITY_LIMITS.lockoutMinutes),
  /** Minutes without keyboard or mouse before the screen locks. */
  idleLockMinutes: wholeNumber('无操作锁屏时间（分钟）', SECURITY_LIMITS.idleLockMinutes),
});
export type SecuritySettingsDto = z.infer<typeof securitySettingsDto>;

/** An account as the admin's operator screen shows it: the DTO plus its sign-in state. */
export const operatorAccountDto = operatorDto.extend({
  mustChangePassword: z.boolean(),
  failedLogins: z.number().int(),
  /** ISO instant until which logins are refused; null when the account is not locked. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type OperatorAccountDto = z.infer<typeof operatorAccountDto>;

export const sessionStateDto = z.object({
  operator: operatorDto,
  /** The screen was locked (idle); only auth.unlock and auth.logout are served until it is unlocked. */
  locked: z.boolean(),
  /** An admin reset the password: only auth.changePassword and auth.logout are served until it is changed. */
  mustChangePassword: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionStateDto = z.infer<typeof sessionStateDto>;

const operatorId = z.string({ error: '请选择操作员' }).min(1, '请选择操作员');

/** A calendar day `YYYY-MM-DD` in China Standard Time. */
export function cstDay(label: string) {
  return z.string({ error: `请填写${label}` }).refine(isIsoDate, `${label}不是有效日期，请按 年-月-日 填写（如 2026-11-23）`);
}

export const auditFilter = z
  .object({
    /** First and last day (inclusive), China Standard Time. */
    from: cstDay('开始日期').optional(),
    to: cstDay('结束日期').optional(),
    operatorId: optionalText('操作员', 64),
    action: optionalText('操作类型', 64),
    /** A filing's local number (本地编号), platform serial or id, or any other entity id. */
    subject: optionalText('备案编号', 64),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], error: '结束日期不能早于开始日期' });

export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  operatorId: z.string().nullable(),
  /** The operator's name (or login name); null for the desk itself. */
  operatorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** For a filing: its local number; otherwise the entity id. */
  subject: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

/** A generated file handed to the renderer for download. */
export const exportFileDto = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() });
export type ExportFileDto = z.infer<typeof exportFileDto>;

/** The audit export's row cap: beyond it the admin narrows the filter. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** Operators' words for audit actions; an action not listed shows as written. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'setup.initialize': '初始设置',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked_out': '账号锁定（密码错误次数过多）',
  'auth.screen_locked': '锁屏',
  'auth.screen_unlocked': '解锁屏幕',
  'auth.password_changed': '修改密码',
  'operator.create': '新建操作员',
  'operator.role': '修改角色',
  'operator.disable': '停用操作员',
  'operator.enable': '启用操作员',
  'operator.reset_password': '重置密码',
  'operator.unlock': '解除登录锁定',
  'settings.security': '修改登录安全设置',
  'settings.institution': '修改机构信息',
  'settings.policy.set': '修改政策配置',
  'filing.create': '新增备案',
  'filing.update': '修改备案',
  'filing.void': '作废备案',
  'filing.print': '打印',
  'review.approve': '复核通过',
  'review.return': '复核退回',
  'print.settings.set': '修改打印设置',
  'queue.retry_now': '立即重试上传',
  'upload.done': '上传成功',
  'upload.rejected': '平台退回',
  'upload.uncertain': '上传结果待核实',
  'upload.retry': '上传重试',
  'upload.recovered': '重启后待核实',
  'upload.reconciled': '与平台核对',
  'upload.resolved': '人工核实上传结果',
  'upload.requeued': '重新排队上传',
  'upload.withdrawn': '撤回上传',
  'upload.cancelled': '上传已撤销',
  'upload.cancel_done': '平台撤销成功',
  'upload.cancel_retry': '撤销重试',
  'platform.profile.switch': '切换平台配置',
  'platform.profile.test': '平台连接测试',
  'catalogue.refreshed': '更新目录',
  'maintenance.schedule': '安排维护窗口',
  'maintenance.cancel': '取消维护窗口',
};

export const adminChannels = {
  'auth.session': channel({
    summary: "The current session's state: the operator, whether the screen is locked or a new password is due, the idle-lock minutes.",
    request: empty,
    response: sessionStateDto,
    access: 'authenticated',
  }),
  'auth.lock': channel({
    summary: 'Lock the screen (idle or by hand): the session stays, every call but auth.unlock / auth.logout is refused until unlocked. Audited.',
    request: empty,
    response: sessionStateDto,
    access: 'authenticated',
  }),
  'auth.unlock': channel({
    summary: "Unlock a locked screen with the operator's password; wrong passwords count toward the login attempt limit. Audited.",
    request: z.object({ password: z.string({ error: '请填写密码' }).min(1, '请填写密码') }),
    response: sessionStateDto,
    access: 'authenticated',
  }),
  'auth.changePassword': channel({
    summary: "Change one's own password (required after an admin's reset): the current one, a new one by the password rules. Audited.",
    request: z
      .object({ currentPassword: z.string({ error: '请填写当前密码' }).min(1, '请填写当前密码'), newPassword: password })
      .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], error: '新密码不能与当前密码相同' }),
    response: sessionStateDto,
    access: 'authenticated',
  }),
  'operator.accounts': channel({
    summary: 'All operator accounts with their sign-in state (locked until, password change due, last login).',
    request: empty,
    response: z.array(operatorAccountDto),
    access: ['admin'],
  }),
  'operator.setRole': channel({
    summary: "Change an operator's role; the last active admin and one's own account cannot be demoted. Audited.",
    request: z.object({ id: operatorId, role: z.enum(ROLES, { error: '请选择角色' }) }),
    response: operatorAccountDto,
    access: ['admin'],
  }),
  'operator.setActive': channel({
    summary: "Disable or enable an account; disabling ends its sessions. The last active admin and one's own account cannot be disabled. Audited.",
    request: z.object({ id: operatorId, active: z.boolean({ error: '请选择启用或停用' }) }),
    response: operatorAccountDto,
    access: ['admin'],
  }),
  'operator.resetPassword': channel({
    summary: "Set a temporary password for another operator: their sessions end, the login lock is cleared, and they must choose a new one at the next login. Audited.",
    request: z.object({ id: operatorId, password }),
    response: operatorAccountDto,
    access: ['admin'],
  }),
  'operator.unlock': channel({
    summary: 'Clear a login lock (too many wrong passwords) before it runs out. Audited.',
    request: z.object({ id: operatorId }),
    response: operatorAccountDto,
    access: ['admin'],
  }),
  'settings.security.get': channel({
    summary: 'Login attempt limit, lockout minutes and idle-lock minutes.',
    request: empty,
    response: securitySettingsDto,
    access: ['admin'],
  }),
  'settings.security.set': channel({
    summary: 'Change the login attempt limit, lockout minutes and idle-lock minutes. Audited with before/after.',
    request: securitySettingsDto,
    response: securitySettingsDto,
    access: ['admin'],
  }),
  'settings.institution.get': channel({
    summary: 'The institution and how many filings it has (code and region changes need a confirmation once there are filings).',
    request: empty,
    response: z.object({ institution: institutionDto, filingCount: z.number().int() }),
    access: ['admin'],
  }),
  'settings.institution.set': channel({
    summary:
      'Change the institution name; its code or region only while there are no filings, or with confirmIdentityChange after the warning. Audited with before/after.',
    request: z.object({
      name: requiredText('医疗机构名称', 100),
      code: fixmedinsCode,
      regionCode: regionCode('所在医保区划'),
      confirmIdentityChange: z.boolean().default(false),
    }),
    response: z.object({ institution: institutionDto, filingCount: z.number().int() }),
    access: ['admin'],
  }),
  'audit.list': channel({
    summary: 'Audit rows, newest first, paged; filtered by CST date range, operator, action and filing (local number, serial or id).',
    request: auditFilter.and(
      z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(20) }),
    ),
    response: z.object({ total: z.number().int(), items: z.array(auditEntryDto) }),
    access: ['admin'],
  }),
  'audit.actions': channel({
    summary: 'The actions present in the audit log, with labels, for the filter.',
    request: empty,
    response: z.array(z.object({ action: z.string(), label: z.string() })),
    access: ['admin'],
  }),
  'audit.export': channel({
    summary: `The filtered audit rows as an Excel workbook (Chinese headers, base64), at most ${AUDIT_EXPORT_MAX_ROWS} rows.`,
    request: auditFilter,
    response: exportFileDto,
    access: ['admin'],
  }),
} as const;
