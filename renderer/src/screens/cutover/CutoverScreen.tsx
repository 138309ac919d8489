// 平台切换: what a platform cut-over like Hefei's in 2021 needs (seed 001): the platform profile, the
// import of the old system's history and its clean-up report. Maintenance windows are on the queue screen.
import { Tabs } from 'antd';
import { useState } from 'react';
import { CleanupPanel } from './CleanupPanel';
import { ImportWizard } from './ImportWizard';
import { ProfilePanel } from './ProfilePanel';

export function CutoverScreen() {
  const [imports, setImports] = useState(0);
  return (
    <Tabs
      destroyOnHidden={false}
      items={[
        { key: 'profile', label: '平台接口配置', children: <ProfilePanel /> },
        { key: 'import', label: '历史数据导入', children: <ImportWizard onImported={() => setImports((n) => n + 1)} /> },
        { key: 'cleanup', label: '历史数据清理', children: <CleanupPanel refreshKey={imports} /> },
      ]}
    />
  );
}
