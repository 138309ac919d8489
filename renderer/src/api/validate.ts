// Local validation with the contract's own zod schemas, reported exactly as the dispatcher reports
// a rejected request (main/app/dispatch.ts formatIssues), so a form handles both with one path.
import { z } from 'zod';
import { fail, type Failure } from '../../../shared/contract';

// zod's built-in messages (those the schemas do not word themselves) in Chinese, as on the main side.
z.config(z.locales.zhCN());

export type Validated<T> = { ok: true; value: T } | Failure;

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const messages = [...new Set(Object.values(fields))];
  const message = messages.length === 1 ? messages[0]! : `请修改以下${messages.length}项后再提交：${messages.join('；')}`;
  return fail('INVALID_REQUEST', message, fields);
}
