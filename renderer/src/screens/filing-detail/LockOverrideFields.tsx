// 提前变更 / 提前作废 inside the profile's change lock: the lock's explanation, an objective reason
// (at least 4 characters) and a second person — an active reviewer or administrator other than the
// operator — who confirms it (policy: checkChangeOverride; the main side checks both again).
import { Alert, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ReviewerDto } from '../../../../shared/contract/areas/workflow';
import { ROLE_LABELS } from '../../../../shared/contract/roles';
import { useApi } from '../../api/ApiContext';

/** The override's form fields, as the contract names them (filing.update `override`). */
export const OVERRIDE_FIELDS = ['override.reason', 'override.reviewerId'] as const;

export interface LockOverrideFieldsProps {
  /** The lock's message (who may change what, from when). */
  notice: string;
  /** The operator making the change: never offered as their own reviewer. */
  operatorId: string;
  /** 变更 or 作废, for the labels. */
  actionLabel: string;
}

export function LockOverrideFields({ notice, operatorId, actionLabel }: LockOverrideFieldsProps) {
  const api = useApi();
  const [reviewers, setReviewers] = useState<ReviewerDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('workflow.reviewers', {}).then((r) => {
      if (!live) return;
      if (r.ok) setReviewers(r.value.filter((p) => p.id !== operatorId));
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, operatorId]);

  return (
    <div data-testid="lock-override">
      <Alert type="warning" showIcon title={`在变更限制期内，提前${actionLabel}需填写理由并由复核人确认`} description={notice} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item
        name={['override', 'reason']}
        label={`提前${actionLabel}理由`}
        rules={[
          { required: true, whitespace: true, message: `请填写提前${actionLabel}理由` },
          { min: 4, message: `提前${actionLabel}理由请写明客观原因（至少4个字）` },
          { max: 200, message: `提前${actionLabel}理由不能超过200字` },
        ]}
      >
        <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：安置地址登记错误，需更正" />
      </Form.Item>
      <Form.Item name={['override', 'reviewerId']} label="复核人" rules={[{ required: true, message: '请选择复核人（另一位复核员或管理员）' }]}>
        <Select
          placeholder={reviewers?.length === 0 ? '没有可选的复核人，请联系管理员添加复核员' : '请选择复核人'}
          loading={reviewers === null && !error}
          options={(reviewers ?? []).map((p) => ({ value: p.id, label: `${p.displayName}（${ROLE_LABELS[p.role]}）` }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
    </div>
  );
}
