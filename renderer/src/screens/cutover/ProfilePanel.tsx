// 平台接口配置: the platform profile in force, a dry-run connection test against a candidate, and the
// switch itself (refused while uploads are in flight or uncertain; pending ones move only when confirmed),
// and the gateway credentials (CredentialsCard: their source, and entry where the desk can encrypt them).
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Failure } from '../../../../shared/contract';
import type { ProfileStateDto, ProfileTestDto } from '../../../../shared/contract/areas/cutover';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { CredentialsCard } from './CredentialsCard';

type ProfileOption = ProfileStateDto['profiles'][number];

const FORM = 'platform-profile';
const FIELDS = ['profileId', 'baseUrl', 'movePending'] as const;

const CREDENTIAL_TAGS: Record<ProfileOption['credentials'], { color: string; text: string }> = {
  not_needed: { color: 'default', text: '无需凭据' },
  available: { color: 'success', text: '凭据已配置' },
  missing: { color: 'warning', text: '缺少凭据' },
  invalid: { color: 'error', text: '凭据有误' },
};

interface Values {
  profileId: string;
  baseUrl?: string;
  movePending?: boolean;
}

const columns: TableColumnsType<ProfileOption> = [
  { title: '接口配置', dataIndex: 'label', key: 'label' },
  { title: '入口', dataIndex: 'endpoint', key: 'endpoint' },
  { title: '网关签名', dataIndex: 'gateway', key: 'gateway', render: (g: string) => (g === 'none' ? '无' : g) },
  { title: '转诊交易', dataIndex: 'referralInfno', key: 'referralInfno' },
  {
    title: '凭据',
    key: 'credentials',
    render: (_, p) => (
      <Space orientation="vertical" size={0}>
        <Tag color={CREDENTIAL_TAGS[p.credentials].color}>{CREDENTIAL_TAGS[p.credentials].text}</Tag>
        {p.credentialsNote ? <span style={{ fontSize: 12 }}>{p.credentialsNote}</span> : null}
      </Space>
    ),
  },
];

export function ProfilePanel() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [state, setState] = useState<ProfileStateDto | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [test, setTest] = useState<ProfileTestDto | null>(null);
  const [busy, setBusy] = useState<'test' | 'switch' | null>(null);

  const load = useCallback(async () => {
    const r = await api.invoke('cutover.profile.get', {});
    if (!r.ok) return setLoadFailure(r);
    setLoadFailure(null);
    setState(r.value);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  function request(values: Values) {
    const baseUrl = values.baseUrl?.trim();
    return { profileId: values.profileId, ...(baseUrl ? { baseUrl } : {}) };
  }

  async function runTest() {
    const values = await form.validateFields(['profileId', 'baseUrl']).catch(() => null);
    if (!values) return;
    setBusy('test');
    setTest(null);
    const r = await api.invoke('cutover.profile.test', request(values));
    setBusy(null);
    if (!r.ok) return failure.show(r);
    failure.clear();
    setTest(r.value);
  }

  async function runSwitch(values: Values) {
    setBusy('switch');
    const r = await api.invoke('cutover.profile.switch', { ...request(values), movePending: values.movePending === true });
    setBusy(null);
    if (!r.ok) return failure.show(r);
    failure.clear();
    setState(r.value);
    setTest(null);
    message.success('已切换医保平台接口配置');
  }

  if (loadFailure) return <FailureAlert failure={loadFailure} />;
  if (!state) return null;
  const waiting = state.queue.pending + state.queue.rejected;
  const blocked = state.queue.inFlight + state.queue.uncertain;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="profile-panel">
      <Card title="当前接口配置" size="small">
        {state.active ? (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="接口配置">{state.active.label}</Descriptions.Item>
            <Descriptions.Item label="平台地址">{state.active.baseUrl}</Descriptions.Item>
            <Descriptions.Item label="来源">{state.active.source === 'setting' ? '管理员切换' : '启动配置'}</Descriptions.Item>
            <Descriptions.Item label="上传队列">
              待上传 {state.queue.pending}，上传中 {state.queue.inFlight}，待核实 {state.queue.uncertain}，被退回 {state.queue.rejected}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" showIcon title="本工作台未接入可切换的医保平台配置" />
        )}
        {state.training ? <Alert style={{ marginTop: 8 }} type="warning" showIcon title="演练模式：平台地址为内置模拟平台" /> : null}
      </Card>
      <Table<ProfileOption> rowKey="id" size="small" pagination={false} columns={columns} dataSource={state.profiles} />
      {state.switchable ? (
        <Card title="切换接口配置" size="small">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="建议在维护时段内切换：先做连接测试，确认成功后再切换"
            description="上传中或待核实的备案只能在原平台核实结果，存在时不能切换；待上传的备案切换后将上传到新平台。网关凭据不保存在数据库中：桌面版可在下方“网关凭据”中加密保存在本机，也可从受保护的凭据文件或环境变量读取。"
          />
          {blocked > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`有 ${blocked} 笔备案上传中或待核实，请先在“上传队列”中处理`} /> : null}
          <FailureAlert failure={failure.failure} extra={failure.unplaced} />
          <Form form={form} name={FORM} layout="vertical" onFinish={(v) => void runSwitch(v)} onValuesChange={failure.onValuesChange} initialValues={{ profileId: state.active?.profileId }}>
            <Form.Item name="profileId" label="接口配置" rules={[{ required: true, message: '请选择接口配置' }]}>
              <Select options={state.profiles.map((p) => ({ value: p.id, label: p.label }))} />
            </Form.Item>
            <Form.Item name="baseUrl" label="平台地址" extra={`留空则使用启动时的地址：${state.startup?.baseUrl ?? ''}`}>
              <Input placeholder="http://10.1.2.3:8080" autoComplete="off" />
            </Form.Item>
            {waiting > 0 ? (
              <Form.Item name="movePending" valuePropName="checked">
                <Checkbox>待上传备案（{waiting} 笔）改为上传到新平台</Checkbox>
              </Form.Item>
            ) : null}
            <Space>
              <Button onClick={() => void runTest()} loading={busy === 'test'}>
                连接测试（不切换）
              </Button>
              <Button type="primary" htmlType="submit" loading={busy === 'switch'} disabled={blocked > 0}>
                切换
              </Button>
            </Space>
          </Form>
          {test ? <Alert style={{ marginTop: 12 }} type={test.ok ? 'success' : 'error'} showIcon title={test.message} data-testid="profile-test-result" /> : null}
        </Card>
      ) : null}
      {state.switchable ? <CredentialsCard onChange={() => void load()} /> : null}
    </Space>
  );
}
