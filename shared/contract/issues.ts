// How a rejected request is reported, on both sides of the boundary: the dispatcher (main) and
// the forms' local validation (renderer) word the same zod issues the same way.
import { z } from 'zod';
import { fail, type Failure } from './result';

// zod's built-in messages (those the schemas do not word themselves) in Chinese.
z.config(z.locales.zhCN());

export function formatIssues(error: z.ZodError): Failure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const messages = [...new Set(Object.values(fields))];
  const message = messages.length === 1 ? messages[0]! : `请修改以下${messages.length}项后再提交：${messages.join('；')}`;
  return fail('INVALID_REQUEST', message, fields);
}
