// 作废 (operators and administrators): a filing is voided with a reason, after a confirmation that
// says what happens with the platform. A filing whose upload never left is withdrawn from the queue
// and never reaches the platform; one that may have reached it gets a 备案撤销 queued behind it.
// Inside the profile's change lock (e.g. national long-term types: 6 months from the start) voiding
// early needs an objective reason and a second person (复核人), asked for here and checked again by
// the main side.
import { Alert, App, Button, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FilingSummary, UploadState } from '../../../../shared/domain/filing';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { LockOverrideFields, OVERRIDE_FIELDS } from '../filing-detail/LockOverrideFields';
import { lockNotice, useChangeLock } from '../filing-detail/useChangeLock';

/** A "no entry" glyph, drawn here: @ant-design/icons is not one of the project's dependencies. */
function VoidGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M5.6 5.6l12.8 12.8" />
    </svg>
  );
}

/** The 作废 action of a filing-list row: an icon button named 作废 (tooltip and accessible name). */
export function RowVoidButton({ onClick }: { onClick: () => void }) {
  return (
    <Tooltip title="作废">
      <Button
        type="text"
        size="small"
        danger
        icon={<VoidGlyph />}
        aria-label="作废"
        data-testid="row-void"
        onClick={(event) => {
          event.stopPropagation();
          onClick();
        }}
        style={{ marginLeft: 2 }}
      />
    </Tooltip>
  );
}

/** What voiding does with the platform, by the filing's upload state. */
export function voidConsequence(state: UploadState): string {
  switch (state) {
    case 'pending':
    case 'rejected':
      return '该备案尚未上传到医保平台：作废后从上传队列撤回，不会再上传。';
    case 'uploaded':
      return '该备案已上传到医保平台：作废后将自动向平台提交备案撤销。';
    case 'uploading':
    case 'uncertain':
      return '该备案可能已到达医保平台：作废后先确认上传结果；平台已收到的，自动提交备案撤销。';
    case 'cancelled':
      return '该备案的上传已撤回。';
    case 'not_required':
      return '该类备案不上传医保平台：作废只在本机生效，不涉及平台。';
  }
}

const FORM = 'void';
const FIELDS = ['reason', ...OVERRIDE_FIELDS] as const;

interface VoidValues {
  reason: string;
  override?: { reason: string; reviewerId: string };
}

export interface VoidFilingDialogProps {
  filing: FilingSummary | null;
  onClose: () => void;
  /** The operator voiding it: never offered as their own 复核人 for an early void. */
  operatorId?: string | undefined;
  /** After the filing was voided (e.g. to offer 重新备案). */
  onVoided?: ((filing: FilingSummary) => void) | undefined;
  /** The form's name, unique on the page (its fields' DOM ids derive from it): the detail has its own dialog. */
  formName?: string | undefined;
}

export function VoidFilingDialog({ filing, onClose, operatorId, onVoided, formName = FORM }: VoidFilingDialogProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<VoidValues>();
  const lock = useChangeLock(filing, 'void');
  const notice = lockNotice(lock);
  const failure = useFormFailure(form, formName, FIELDS);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!filing) return;
    form.resetFields();
    failure.clear();
    // Once per opened filing.
  }, [filing?.id]);

  async function submit({ reason, override }: VoidValues) {
    if (!filing) return;
    setSaving(true);
    // The override goes only with a lock; the main side checks the lock and the override again.
    const request = { id: filing.id, reason, ...(notice && override ? { override: { reason: override.reason, reviewerId: override.reviewerId } } : {}) };
    const result = await api.invoke('filing.void', request);
    setSaving(false);
    if (!result.ok) return failure.show(result);
    message.success(`备案 ${filing.localNo} 已作废`);
    onClose();
    onVoided?.(filing);
  }

  return (
    <Modal
      open={filing !== null}
      title="作废备案"
      okText="确认作废"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {filing && (
        <>
          <Typography.Paragraph>
            确认作废备案 <Typography.Text strong>{filing.localNo}</Typography.Text>（{filing.personName}）？作废后不能恢复。
          </Typography.Paragraph>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={voidConsequence(filing.uploadState)} />
        </>
      )}
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name={formName} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 100, message: '作废原因过长' }]}>
          <Input.TextArea rows={2} maxLength={100} showCount placeholder="如：患者取消转诊" />
        </Form.Item>
        {notice && <LockOverrideFields notice={notice} operatorId={operatorId ?? ''} actionLabel="作废" />}
      </Form>
    </Modal>
  );
}
