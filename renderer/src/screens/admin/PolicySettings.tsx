// 政策配置: which policy profile the desk files under, each shown with its summary, the filing
// types it offers and whether filings need 复核 (settings.policy.get / set).
import { App, Button, Card, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PolicyProfileDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';

export function PolicySettings() {
  const api = useApi();
  const { message } = App.useApp();
  const [profiles, setProfiles] = useState<PolicyProfileDto[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([api.invoke('policy.profiles', {}), api.invoke('settings.policy.get', {})]).then(([list, now]) => {
      if (!list.ok) return setError(list.message);
      if (!now.ok) return setError(now.message);
      setProfiles(list.value);
      setCurrent(now.value.profileId);
      setChosen(now.value.profileId);
    });
  }, [api]);

  async function save() {
    const profile = profiles?.find((p) => p.id === chosen);
    if (!profile) return;
    setBusy(true);
    const r = await api.invoke('settings.policy.set', { profileId: profile.id });
    setBusy(false);
    if (!r.ok) return void message.error(r.message);
    setCurrent(r.value.profileId);
    void message.success(`政策配置已改为“${r.value.profile.label}”`);
  }

  return (
    <Card
      title="政策配置"
      loading={profiles === null && !error}
      extra={
        <Button type="primary" disabled={chosen === current} loading={busy} onClick={() => void save()}>
          保存政策配置
        </Button>
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(profiles ?? []).map((p) => (
            <Card key={p.id} size="small" style={{ borderColor: p.id === chosen ? '#1677ff' : undefined }}>
              <Radio value={p.id}>
                <Typography.Text strong>{p.label}</Typography.Text>
                {p.id === current && <Tag color="blue" style={{ marginLeft: 8 }}>当前使用</Tag>}
                {p.reviewRequired && <Tag color="orange">需复核</Tag>}
              </Radio>
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 6px 24px' }}>
                {p.summary}
              </Typography.Paragraph>
              <div style={{ marginLeft: 24 }}>
                {p.types.map((t) => (
                  <Tag key={t.type}>{t.label}</Tag>
                ))}
              </div>
            </Card>
          ))}
        </Space>
      </Radio.Group>
    </Card>
  );
}
