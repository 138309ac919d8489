// 平台维护时段: scheduled platform maintenance (seed 001: the 2021 Hefei cut-over). Everyone sees the
// windows; administrators schedule and cancel them (maintenance.* access lists). Times are Beijing time.
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MAINTENANCE_STATES, MaintenanceWindowDto, Role } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { formatDateTime } from '../../format/dates';
import { useFormFailure } from '../../forms/useFormFailure';
import { useDeskEvent } from '../../hooks/useDeskEvent';
import { CstDateTimePicker } from '../../components/CstPicker';
import { cstText, defaultWindow } from '../../components/cstTime';

type WindowState = (typeof MAINTENANCE_STATES)[number];

export const WINDOW_STATE_LABELS: Record<WindowState, string> = {
  scheduled: '已计划',
  open: '维护中',
  ended: '已结束',
  cancelled: '已取消',
};
const WINDOW_STATE_COLORS: Record<WindowState, string> = { scheduled: 'blue', open: 'warning', ended: 'default', cancelled: 'default' };

const FORM = 'maintenance';
const FIELDS = ['startsAt', 'endsAt', 'note'] as const;

interface Values {
  startsAt: Dayjs;
  endsAt: Dayjs;
  note: string;
}

function ScheduleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(defaultWindow(new Date()));
    failure.clear();
    // Once per opening.
  }, [open]);

  async function submit(values: Values) {
    setSaving(true);
    const result = await api.invoke('maintenance.schedule', { startsAt: cstText(values.startsAt), endsAt: cstText(values.endsAt), note: values.note });
    setSaving(false);
    if (!result.ok) return failure.show(result);
    message.success('维护时段已计划');
    onClose();
  }

  return (
    <Modal open={open} title="计划维护" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="时间均为北京时间"
        description="维护期间上传队列暂停，备案照常保存和打印；维护结束后自动检测平台并按顺序补传。"
      />
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name={FORM} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="startsAt" label="开始时间（北京时间）" rules={[{ required: true, message: '请填写开始时间' }]}>
          <CstDateTimePicker />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label="结束时间（北京时间）"
          dependencies={['startsAt']}
          rules={[
            { required: true, message: '请填写结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, end: Dayjs | undefined) => {
                const start = getFieldValue('startsAt') as Dayjs | undefined;
                return !end || !start || cstText(end) > cstText(start) ? Promise.resolve() : Promise.reject(new Error('结束时间应晚于开始时间'));
              },
            }),
          ]}
        >
          <CstDateTimePicker />
        </Form.Item>
        <Form.Item name="note" label="维护说明" rules={[{ required: true, whitespace: true, message: '请填写维护说明' }, { max: 200, message: '维护说明过长' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：医保信息平台切换，旧系统停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MaintenancePanel({ role }: { role: Role }) {
  const api = useApi();
  const { message } = App.useApp();
  const [windows, setWindows] = useState<MaintenanceWindowDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const canSchedule = canCall(role, 'maintenance.schedule');
  const canCancel = canCall(role, 'maintenance.cancel');

  const load = useCallback(() => {
    void api.invoke('maintenance.list', {}).then((r) => {
      if (r.ok) {
        setWindows(r.value);
        setError(null);
      } else setError(r.message);
    });
  }, [api]);

  useEffect(() => {
    load();
    // Windows change rarely: read again when a window opens or closes (the platform's state changes),
    // after this panel's own changes, and every 30 seconds for another administrator's.
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [load]);
  useDeskEvent('platform.state', load);

  const cancel = useCallback(
    async (id: string) => {
      const r = await api.invoke('maintenance.cancel', { id });
      if (!r.ok) return void message.error(r.message);
      message.success('维护时段已取消');
      load();
    },
    [api, load, message],
  );

  const columns = useMemo<TableColumnsType<MaintenanceWindowDto>>(
    () => [
      { title: '开始（北京时间）', dataIndex: 'startsAt', width: 150, render: (at: string) => formatDateTime(at) },
      { title: '结束（北京时间）', dataIndex: 'endsAt', width: 150, render: (at: string) => formatDateTime(at) },
      { title: '维护说明', dataIndex: 'note' },
      { title: '状态', dataIndex: 'state', width: 90, render: (s: WindowState) => <Tag color={WINDOW_STATE_COLORS[s]}>{WINDOW_STATE_LABELS[s]}</Tag> },
      ...(canCancel
        ? [
            {
              title: '操作',
              key: 'actions',
              width: 90,
              render: (_: unknown, w: MaintenanceWindowDto) =>
                w.state === 'scheduled' || w.state === 'open' ? (
                  <Popconfirm
                    title={w.state === 'open' ? '结束这次维护？' : '取消这个维护时段？'}
                    description={w.state === 'open' ? '上传队列将立即检测平台，平台可用即按顺序补传。' : '取消后该时段不再暂停上传。'}
                    okText="确认取消"
                    cancelText="不取消"
                    onConfirm={() => cancel(w.id)}
                  >
                    <Button type="link" size="small" danger>
                      取消
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]
        : []),
    ],
    [canCancel, cancel],
  );

  return (
    <Card
      title="平台维护时段"
      style={{ marginTop: 16 }}
      data-testid="maintenance-panel"
      extra={
        canSchedule && (
          <Button type="primary" onClick={() => setScheduling(true)}>
            计划维护
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={windows ?? []} loading={windows === null && !error} pagination={{ pageSize: 5, hideOnSinglePage: true }} locale={{ emptyText: '没有维护时段' }} />
      {canSchedule && (
        <ScheduleDialog
          open={scheduling}
          onClose={() => {
            setScheduling(false);
            load();
          }}
        />
      )}
    </Card>
  );
}
