// 打印设置 on the settings screen: what this desk prints with, and the print screen's own settings
// dialog (screens/print/PrinterSettings.tsx) to change it.
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PrinterDto, PrintSettingsDto } from '../../../../shared/contract';
import { PRINT_TEMPLATES } from '../../../../shared/domain/print/templates';
import { useApi } from '../../api/ApiContext';
import { PrinterSettings } from '../print/PrinterSettings';

export function PrintSettingsCard({ regionCode }: { regionCode: string }) {
  const api = useApi();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<PrintSettingsDto | null>(null);
  const [printers, setPrinters] = useState<{ available: boolean; printers: PrinterDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void Promise.all([api.invoke('print.settings.get', {}), api.invoke('print.printers', {})]).then(([s, p]) => {
      if (!s.ok) return setError(s.message);
      if (!p.ok) return setError(p.message);
      setSettings(s.value);
      setPrinters(p.value);
    });
  }, [api]);

  return (
    <Card
      title="打印设置"
      loading={settings === null && !error}
      extra={
        <Button disabled={!settings || !printers} onClick={() => setOpen(true)}>
          修改打印设置
        </Button>
      }
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {settings && printers && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="A4 备案表打印机">{printers.available ? (settings.a4PrinterName ?? '不指定（每次选择）') : '浏览器打印对话框选择'}</Descriptions.Item>
          <Descriptions.Item label="小票打印机">{printers.available ? (settings.slipPrinterName ?? '系统默认打印机') : '浏览器打印对话框选择'}</Descriptions.Item>
          <Descriptions.Item label="小票纸宽">{settings.slipWidth}</Descriptions.Item>
          <Descriptions.Item label="备案表样式">
            {PRINT_TEMPLATES[settings.effectiveTemplate].choiceLabel}
            {settings.defaultTemplate === null && '（按本院所在地区）'}
          </Descriptions.Item>
        </Descriptions>
      )}
      {open && settings && printers && (
        <PrinterSettings
          open
          settings={settings}
          printers={printers.printers}
          desktop={printers.available}
          regionCode={regionCode}
          onClose={() => setOpen(false)}
          onSaved={(next) => {
            setSettings(next);
            void message.success('打印设置已保存');
          }}
        />
      )}
    </Card>
  );
}
