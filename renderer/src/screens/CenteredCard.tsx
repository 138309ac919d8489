import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the screens before login: product name, a titled card in the middle. */
export function CenteredCard({ title, subtitle, width, children }: { title: string; subtitle?: ReactNode; width: number; children: ReactNode }) {
  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '48px 16px' }}>
      <Typography.Title level={3} style={{ marginBottom: 24 }}>
        医保异地备案工作台
      </Typography.Title>
      <Card title={title} style={{ width, maxWidth: '100%' }}>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
