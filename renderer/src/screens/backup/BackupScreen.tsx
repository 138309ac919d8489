// 数据备份 (issue 7, docs/backup.md): the daily schedule and its retention, manual backups, the list,
// an integrity check per file, and restore behind a confirmation. Administrators only (backup.*).
// A restore ends every session, so on success the page reloads into the login screen: the same in
// Electron and in browser mode.
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BACKUP_KIND_LABELS, KEEP_DAILY, type BackupFileDto, type BackupKind, type BackupSettingsDto } from '../../../../shared/contract/areas/backup';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { formatDateTime } from '../../format/dates';
import { useFormFailure } from '../../forms/useFormFailure';

const FORM = 'backup_settings';
const FIELDS = ['enabled', 'dailyAt', 'keepDaily'] as const;
const KIND_COLORS: Record<BackupKind, string> = { scheduled: 'blue', manual: 'green', 'before-restore': 'orange', 'before-migration': 'purple' };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ScheduleCard({ settings, nextAt, onSaved }: { settings: BackupSettingsDto; nextAt: string | null; onSaved: () => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupSettingsDto>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);

  useEffect(() => form.setFieldsValue(settings), [form, settings]);

  async function submit(values: BackupSettingsDto) {
    setSaving(true);
    const r = await api.invoke('backup.settings.set', values);
    setSaving(false);
    if (!r.ok) return failure.show(r);
    failure.clear();
    message.success('定时备份设置已保存');
    onSaved();
  }

  return (
    <Card title="定时备份" data-testid="backup-schedule">
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name={FORM} layout="inline" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="dailyAt" label="每日备份时间（北京时间）" rules={[{ required: true, message: '请填写每日备份时间' }, { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '应为“时:分”，例如 12:30' }]}>
          <Input style={{ width: 90 }} placeholder="12:30" />
        </Form.Item>
        <Form.Item name="keepDaily" label="保留最近天数" rules={[{ required: true, message: '请填写保留天数' }]}>
          <InputNumber min={KEEP_DAILY.min} max={KEEP_DAILY.max} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {nextAt ? `下次定时备份：${formatDateTime(nextAt)}（北京时间）。` : '定时备份已关闭。'}
        工作台未开机错过备份时间时，开机后自动补做当天的备份。定时备份只保留最近的天数，手动备份和恢复前自动备份不会自动删除。
      </Typography.Paragraph>
    </Card>
  );
}

function RestoreDialog({ file, onClose }: { file: BackupFileDto | null; onClose: () => void }) {
  const api = useApi();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ResponseOf<'backup.restore'> | null>(null);

  useEffect(() => {
    setUnderstood(false);
    setError(null);
    setDone(null);
  }, [file]);

  async function restore() {
    if (!file) return;
    setBusy(true);
    const r = await api.invoke('backup.restore', { fileName: file.fileName, confirm: true });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setDone(r.value);
  }

  if (done) {
    return (
      <Modal open title="已恢复备份" closable={false} mask={{ closable: false }} footer={<Button type="primary" onClick={() => window.location.reload()}>重新登录</Button>}>
        <Alert type="success" showIcon title={`已从 ${done.restoredFrom} 恢复工作台数据`} description={`恢复前的数据已自动备份为 ${done.safetyBackup.fileName}。所有操作员已退出登录，请重新登录后继续工作。`} />
      </Modal>
    );
  }
  return (
    <Modal
      open={file !== null}
      title="恢复备份"
      okText="确认恢复"
      okButtonProps={{ danger: true, disabled: !understood }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void restore()}
      onCancel={onClose}
    >
      {file && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title="恢复会用这份备份替换工作台当前的全部数据"
            description={`备份时间 ${formatDateTime(file.createdAt)}（${BACKUP_KIND_LABELS[file.kind]}）。此后录入的备案、上传记录和操作员变更都会回到备份时的样子；当前数据会先自动备份，需要时可再恢复回来。恢复后所有操作员需要重新登录。`}
          />
          {error && <Alert type="error" showIcon title={error} data-testid="restore-error" />}
          <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)}>
            我已了解，恢复 {file.fileName}
          </Checkbox>
        </Space>
      )}
    </Modal>
  );
}

export function BackupScreen() {
  const api = useApi();
  const { message } = App.useApp();
  const [state, setState] = useState<ResponseOf<'backup.list'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupFileDto | null>(null);

  const load = useCallback(() => {
    void api.invoke('backup.list', {}).then((r) => {
      if (!r.ok) return setError(r.message);
      setState(r.value);
      setError(null);
    });
  }, [api]);
  useEffect(load, [load]);

  const create = useCallback(async () => {
    setCreating(true);
    const r = await api.invoke('backup.create', {});
    setCreating(false);
    if (!r.ok) return void message.error(r.message);
    message.success(`已备份：${r.value.fileName}`);
    load();
  }, [api, load, message]);

  const check = useCallback(
    async (file: BackupFileDto) => {
      const r = await api.invoke('backup.check', { fileName: file.fileName });
      if (!r.ok) return void message.error(r.message);
      if (r.value.ok) message.success(`${file.fileName}：${r.value.message}`);
      else message.error(r.value.message);
    },
    [api, message],
  );

  const columns = useMemo<TableColumnsType<BackupFileDto>>(
    () => [
      { title: '备份时间（北京时间）', dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
      { title: '类型', dataIndex: 'kind', width: 140, render: (k: BackupKind) => <Tag color={KIND_COLORS[k]}>{BACKUP_KIND_LABELS[k]}</Tag> },
      { title: '文件', dataIndex: 'fileName' },
      { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (b: number) => sizeText(b) },
      {
        title: '操作',
        key: 'actions',
        width: 140,
        render: (_: unknown, f: BackupFileDto) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => void check(f)}>
              检查
            </Button>
            <Button type="link" size="small" danger onClick={() => setRestoring(f)}>
              恢复
            </Button>
          </Space>
        ),
      },
    ],
    [check],
  );

  return (
    <div data-testid="backup-screen">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {state && <ScheduleCard settings={state.settings} nextAt={state.nextScheduledAt} onSaved={load} />}
      <Card
        title="备份列表"
        style={{ marginTop: 16 }}
        extra={
          <Button type="primary" loading={creating} onClick={() => void create()}>
            立即备份
          </Button>
        }
      >
        {state && (
          <Typography.Paragraph type="secondary">
            备份文件保存在 <Typography.Text code>{state.directory}</Typography.Text>，请定期复制到本机以外的位置（如U盘或共享盘）。
          </Typography.Paragraph>
        )}
        <Table rowKey="fileName" size="small" columns={columns} dataSource={state?.backups ?? []} loading={state === null && !error} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '还没有备份' }} />
      </Card>
      <RestoreDialog file={restoring} onClose={() => setRestoring(null)} />
    </div>
  );
}
