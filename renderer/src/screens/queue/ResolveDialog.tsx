// 核实处理 (reviewers and administrators): after checking the platform by hand, an entry whose
// outcome is unknown is either marked as on the platform (an upload needs the serial read there) or
// sent again. The same dialog fills in the serial of an upload marked 流水号待补. Audited, with the reason.
import { App, Alert, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { QueueEntryDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { serialMissing, UPLOAD_KIND } from './labels';

const FORM = 'resolve';
const FIELDS = ['resolution', 'serial', 'reason'] as const;

interface Values {
  resolution: 'done' | 'pending';
  serial?: string;
  reason: string;
}

/** The two answers a reviewer can give, in the words of the entry's kind. */
export function resolutionOptions(kind: string) {
  return kind === UPLOAD_KIND
    ? [
        { value: 'done' as const, label: '已在平台找到（填写平台备案流水号）' },
        { value: 'pending' as const, label: '平台无记录，重新上传' },
      ]
    : [
        { value: 'done' as const, label: '平台上已撤销' },
        { value: 'pending' as const, label: '平台上仍有该备案，重新撤销' },
      ];
}

export interface ResolveDialogProps {
  entry: QueueEntryDto | null;
  onClose: () => void;
}

export function ResolveDialog({ entry, onClose }: ResolveDialogProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);
  const fillSerial = entry ? serialMissing(entry) : false;
  const isUpload = entry?.kind === UPLOAD_KIND;

  useEffect(() => {
    if (!entry) return;
    form.resetFields();
    failure.clear();
    if (serialMissing(entry)) form.setFieldsValue({ resolution: 'done' });
    // Once per opened entry: a refreshed list must not wipe what the reviewer is typing.
  }, [entry?.id]);

  async function submit(values: Values) {
    if (!entry) return;
    setSaving(true);
    const serial = values.serial?.trim();
    const result = await api.invoke('queue.resolveUncertain', {
      entryId: entry.id,
      resolution: values.resolution,
      ...(serial ? { serial } : {}),
      reason: values.reason,
    });
    setSaving(false);
    if (!result.ok) return failure.show(result);
    message.success(values.resolution === 'done' ? '已记录：平台已有该备案' : '已安排重新上传');
    onClose();
  }

  return (
    <Modal
      open={entry !== null}
      title={fillSerial ? '补录平台流水号' : '核实处理'}
      okText="确认"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {entry && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${entry.filingLocalNo ?? '—'} ${entry.personName ?? ''}（${entry.kindLabel}）`}
          description={
            fillSerial
              ? '平台已有该备案，但查询未返回流水号。请在医保平台查到该备案后填写流水号（撤销备案时需要）。'
              : '工作台无法确定平台是否收到。请先在医保平台按姓名和日期查询该备案，再按查询结果选择；选错会造成重复备案或漏报。'
          }
        />
      )}
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name={FORM} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="resolution" label="核实结果" rules={[{ required: true, message: '请选择核实结果' }]} hidden={fillSerial}>
          <Radio.Group options={entry ? resolutionOptions(entry.kind) : []} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(prev: Values, next: Values) => prev.resolution !== next.resolution}>
          {({ getFieldValue }) =>
            isUpload && getFieldValue('resolution') === 'done' ? (
              <Form.Item
                name="serial"
                label="平台备案流水号"
                rules={[
                  { required: true, whitespace: true, message: '请填写在医保平台查到的备案流水号' },
                  { max: 30, message: '平台流水号过长' },
                ]}
              >
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="reason" label="核实说明" rules={[{ required: true, whitespace: true, message: '请填写核实说明' }, { max: 200, message: '核实说明过长' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：已在医保平台查询，2026-11-23 有该备案，流水号见上" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
