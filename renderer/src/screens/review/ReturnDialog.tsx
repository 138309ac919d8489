// 复核退回: the reviewer says why; the filer sees the reason on the filing, fixes it and saves, which
// puts it back to 待复核 (review.return, filing.update).
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FilingSummary } from '../../../../shared/domain/filing';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';

const FORM = 'reviewReturn';
const FIELDS = ['reason'] as const;

export interface ReturnDialogProps {
  filing: Pick<FilingSummary, 'id' | 'localNo' | 'personName'> | null;
  onClose: () => void;
  onReturned?: () => void;
}

export function ReturnDialog({ filing, onClose, onReturned }: ReturnDialogProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!filing) return;
    form.resetFields();
    failure.clear();
    // Once per opened filing.
  }, [filing?.id]);

  async function submit({ reason }: { reason: string }) {
    if (!filing) return;
    setSaving(true);
    const result = await api.invoke('review.return', { id: filing.id, reason });
    setSaving(false);
    if (!result.ok) return failure.show(result);
    message.success(`备案 ${filing.localNo} 已退回经办人修改`);
    onClose();
    onReturned?.();
  }

  return (
    <Modal
      open={filing !== null}
      title="复核退回"
      okText="确认退回"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {filing && (
        <Typography.Paragraph>
          将备案 <Typography.Text strong>{filing.localNo}</Typography.Text>（{filing.personName}）退回经办人。退回原因会显示在备案上，经办人修改后重新提交复核。
        </Typography.Paragraph>
      )}
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name={FORM} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="reason" label="退回原因" rules={[{ required: true, whitespace: true, message: '请填写退回原因，写明需要经办人修改什么' }, { max: 200, message: '退回原因不能超过200字' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：转往地区与转诊证明不一致，请核对后修改" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
