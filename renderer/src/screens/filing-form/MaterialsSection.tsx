// 认定材料: the profile's checklist for the type (seed 002 认定材料), with the 个人承诺书 offered
// where the profile lets it stand in for the items it may replace.
import { Checkbox, Form, Typography } from 'antd';
import { PERSONAL_COMMITMENT, type MaterialItem } from '../../../../shared/domain/filing-types';
import type { TypePolicy } from '../../../../shared/domain/policy';

export interface MaterialOption {
  value: string;
  label: string;
}

/** The checklist as options: the profile's items, then the 承诺书 where allowed. */
export function materialOptions(policy: TypePolicy | undefined): MaterialOption[] {
  if (!policy) return [];
  const items: MaterialItem[] = [...policy.materials.items];
  const replaceable = items.filter((i) => i.commitmentReplaces);
  const options = items.map((i) => ({ value: i.id, label: i.commitmentReplaces && policy.commitment.allowed ? `${i.label}（可用个人承诺书代替）` : i.label }));
  if (policy.commitment.allowed && replaceable.length) {
    options.push({ value: PERSONAL_COMMITMENT.id, label: `${PERSONAL_COMMITMENT.label}（代替${replaceable.length === 1 ? '认定材料' : '上述认定材料'}）` });
  }
  return options;
}

export function MaterialsSection({ policy }: { policy: TypePolicy | undefined }) {
  const options = materialOptions(policy);
  if (!options.length) return null;
  return (
    <Form.Item
      name="materials"
      label="已收材料"
      extra={
        <Typography.Text type="secondary">
          勾选参保人已提交的材料；未勾选的会列入一次性告知。依据：{policy?.materials.source}
          {policy?.commitment.followUp ? `。${policy.commitment.followUp}` : ''}
        </Typography.Text>
      }
    >
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={options} />
    </Form.Item>
  );
}
