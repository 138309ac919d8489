// The channel map: the one declaration of what the renderer may ask of the main side.
// The dispatcher, the preload, the HTTP host, the renderer's client and docs/api.md derive from it.
import { z } from 'zod';
import { ROLES, type Role } from './roles';
import { createReferralRequest, filingDetail, filingSummary, FILING_STATUSES, FILING_TYPES, UPLOAD_STATES } from '../domain/filing';
import { optionalText, password, regionCode, requiredText, username } from '../domain/fields';

/** Who may call: nobody logged in needed, any logged-in operator, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  summary: string;
  request: Req;
  response: Res;
  access: Access;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(def: ChannelDef<Req, Res>) {
  return def;
}

const empty = z.object({}).strict();

export const operatorDto = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type OperatorDto = z.infer<typeof operatorDto>;

export const institutionDto = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
});
export type InstitutionDto = z.infer<typeof institutionDto>;

export const queueStatsDto = z.object({
  pending: z.number().int(),
  inFlight: z.number().int(),
  uncertain: z.number().int(),
  rejected: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
export type QueueStatsDto = z.infer<typeof queueStatsDto>;

const fixmedinsCode = z
  .string({ error: '请填写定点医疗机构编码' })
  .trim()
  .toUpperCase()
  .regex(/^H\d{11}$/, '定点医疗机构编码应为H加11位数字（如H34010100001），请核对');

export const channels = {
  'app.info': channel({
    summary: 'What the desk is: version, whether set up, training or live mode.',
    request: empty,
    response: z.object({
      version: z.string(),
      initialized: z.boolean(),
      mode: z.enum(['training', 'live']),
      institution: institutionDto.nullable(),
    }),
    access: 'public',
  }),
  'setup.initialize': channel({
    summary: 'First run: record the designated institution and create the first admin account.',
    request: z.object({
      institutionCode: fixmedinsCode,
      institutionName: requiredText('医疗机构名称', 100),
      regionCode: regionCode('所在医保区划'),
      adminUsername: username,
      adminDisplayName: requiredText('管理员姓名', 50),
      adminPassword: password,
    }),
    response: z.object({ institution: institutionDto, admin: operatorDto }),
    access: 'public',
  }),
  'auth.login': channel({
    summary: 'Log in; the token identifies the session on later calls.',
    request: z.object({ username: requiredText('登录名', 32), password: z.string({ error: '请填写密码' }).min(1, '请填写密码') }),
    response: z.object({ token: z.string(), operator: operatorDto }),
    access: 'public',
  }),
  'auth.logout': channel({
    summary: 'End the current session.',
    request: empty,
    response: z.object({}),
    access: 'authenticated',
  }),
  'auth.me': channel({
    summary: 'The operator of the current session.',
    request: empty,
    response: operatorDto,
    access: 'authenticated',
  }),
  'operator.list': channel({
    summary: 'All operator accounts.',
    request: empty,
    response: z.array(operatorDto),
    access: ['admin'],
  }),
  'operator.create': channel({
    summary: 'Create an operator account with a role.',
    request: z.object({
      username,
      displayName: requiredText('姓名', 50),
      role: z.enum(ROLES, { error: '请选择角色' }),
      password,
    }),
    response: operatorDto,
    access: ['admin'],
  }),
  'filing.create': channel({
    summary: 'Save a new filing; it is stored, audited and queued for upload in one transaction.',
    request: createReferralRequest,
    response: filingDetail,
    access: ['operator', 'admin'],
  }),
  'filing.get': channel({
    summary: 'One filing in full.',
    request: z.object({ id: z.string().min(1) }),
    response: filingDetail,
    access: 'authenticated',
  }),
  'filing.list': channel({
    summary: 'Filings, newest first, paged, optionally filtered.',
    request: z.object({
      query: optionalText('查询内容', 50),
      type: z.enum(FILING_TYPES).optional(),
      status: z.enum(FILING_STATUSES).optional(),
      uploadState: z.enum(UPLOAD_STATES).optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20),
    }),
    response: z.object({ total: z.number().int(), items: z.array(filingSummary) }),
    access: 'authenticated',
  }),
  'queue.stats': channel({
    summary: 'Counts of the upload queue by status.',
    request: empty,
    response: queueStatsDto,
    access: 'authenticated',
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
