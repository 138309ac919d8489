// 网关凭据: where each gateway profile's credentials come from, and — where this desk can keep them
// encrypted by the system (the desktop app) — a form to enter new ones. Secrets are only ever sent,
// never read back: the inputs start empty and are emptied after saving.
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Failure } from '../../../../shared/contract';
import type { CredentialStatusDto } from '../../../../shared/contract/areas/cutover';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';

const FORM = 'gateway-credentials';
const FIELDS = ['profileId', 'credentials.paasId', 'credentials.secret', 'credentials.accessKey', 'credentials.secretKey'] as const;

const SOURCE_TAGS: Record<CredentialStatusDto['source'], { color: string; text: string }> = {
  store: { color: 'success', text: '本机加密保存' },
  file: { color: 'success', text: '凭据文件' },
  env: { color: 'success', text: '环境变量' },
  missing: { color: 'warning', text: '缺少凭据' },
  invalid: { color: 'error', text: '凭据有误' },
};

interface Values {
  profileId?: string;
  credentials?: { paasId?: string; secret?: string; accessKey?: string; secretKey?: string };
}

const SECRET_INPUT = { autoComplete: 'new-password', visibilityToggle: false } as const;

/** `onChange`: after a save or a removal, so the profile table shows the new credential status. */
export function CredentialsCard({ onChange }: { onChange(): void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [rows, setRows] = useState<CredentialStatusDto[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const profileId = Form.useWatch('profileId', form);

  const load = useCallback(async () => {
    const r = await api.invoke('cutover.credentials.status', {});
    if (!r.ok) return setLoadFailure(r);
    setLoadFailure(null);
    setRows(r.value);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const chosen = rows?.find((p) => p.profileId === profileId) ?? null;

  async function save(values: Values) {
    if (!chosen) return;
    const c = values.credentials ?? {};
    const credentials =
      chosen.gateway === 'x-tif' ? { scheme: 'x-tif' as const, paasId: c.paasId ?? '', secret: c.secret ?? '' } : { scheme: 'csb' as const, accessKey: c.accessKey ?? '', secretKey: c.secretKey ?? '' };
    setBusy(true);
    const r = await api.invoke('cutover.credentials.set', { profileId: chosen.profileId, credentials });
    setBusy(false);
    if (!r.ok) return failure.show(r);
    failure.clear();
    form.resetFields();
    setRows(r.value);
    onChange();
    message.success(`已在本机加密保存“${chosen.label}”的网关凭据`);
  }

  async function remove(row: CredentialStatusDto) {
    const r = await api.invoke('cutover.credentials.clear', { profileId: row.profileId });
    if (!r.ok) return failure.show(r);
    failure.clear();
    setRows(r.value);
    onChange();
    message.success(`已清除本机保存的“${row.label}”网关凭据`);
  }

  if (loadFailure) return <FailureAlert failure={loadFailure} />;
  if (!rows || rows.length === 0) return null;
  const storeAvailable = rows.some((p) => p.storeAvailable);

  const columns: TableColumnsType<CredentialStatusDto> = [
    { title: '接口配置', dataIndex: 'label', key: 'label' },
    { title: '网关签名', dataIndex: 'gateway', key: 'gateway' },
    {
      title: '凭据来源',
      key: 'source',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <Tag color={SOURCE_TAGS[p.source].color}>{SOURCE_TAGS[p.source].text}</Tag>
          {p.message ? <span style={{ fontSize: 12 }}>{p.message}</span> : null}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, p) =>
        p.stored && p.storeAvailable ? (
          <Popconfirm title={`清除本机保存的“${p.label}”网关凭据？`} description="清除后改用凭据文件或环境变量（如有）" okText="清除" cancelText="取消" onConfirm={() => void remove(p)}>
            <Button size="small" danger>
              清除本机凭据
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card title="网关凭据" size="small" data-testid="credentials-card">
      <Table<CredentialStatusDto> rowKey="profileId" size="small" pagination={false} columns={columns} dataSource={rows} style={{ marginBottom: 12 }} />
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      {storeAvailable ? (
        <Form form={form} name={FORM} layout="vertical" onFinish={(v) => void save(v)} onValuesChange={failure.onValuesChange} autoComplete="off">
          <Form.Item name="profileId" label="接口配置" rules={[{ required: true, message: '请选择要录入凭据的接口配置' }]}>
            <Select options={rows.map((p) => ({ value: p.profileId, label: `${p.label}（${p.gateway}）` }))} placeholder="请选择" />
          </Form.Item>
          {chosen?.gateway === 'x-tif' ? (
            <>
              <Form.Item name={['credentials', 'paasId']} label="paasId" rules={[{ required: true, message: '请填写 paasId' }]}>
                <Input.Password {...SECRET_INPUT} />
              </Form.Item>
              <Form.Item name={['credentials', 'secret']} label="secret" rules={[{ required: true, message: '请填写 secret' }]}>
                <Input.Password {...SECRET_INPUT} />
              </Form.Item>
            </>
          ) : null}
          {chosen?.gateway === 'csb' ? (
            <>
              <Form.Item name={['credentials', 'accessKey']} label="accessKey" rules={[{ required: true, message: '请填写 accessKey' }]}>
                <Input.Password {...SECRET_INPUT} />
              </Form.Item>
              <Form.Item name={['credentials', 'secretKey']} label="secretKey" rules={[{ required: true, message: '请填写 secretKey' }]}>
                <Input.Password {...SECRET_INPUT} />
              </Form.Item>
            </>
          ) : null}
          <Button type="primary" htmlType="submit" loading={busy} disabled={!chosen}>
            加密保存到本机
          </Button>
        </Form>
      ) : (
        <Alert
          type="info"
          showIcon
          title="本工作台不能在本机加密保存网关凭据（浏览器模式，或系统加密服务不可用）"
          description="请通过凭据文件（DESK_PLATFORM_CREDENTIALS_FILE 指向权限为 600 的 JSON 文件）或环境变量（DESK_PLATFORM_XTIF_PAASID / DESK_PLATFORM_XTIF_SECRET、DESK_PLATFORM_CSB_ACCESS_KEY / DESK_PLATFORM_CSB_SECRET_KEY）配置。"
        />
      )}
    </Card>
  );
}
