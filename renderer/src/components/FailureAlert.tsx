import { Alert } from 'antd';
import type { Failure } from '../../../shared/contract';

/** A failed call as the operator reads it: the Chinese message, plus messages no field could show. */
export function FailureAlert({ failure, extra = [] }: { failure: Failure | null; extra?: string[] }) {
  if (!failure) return null;
  const more = extra.filter((m) => m !== failure.message);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={failure.message}
      description={more.length ? more.join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
