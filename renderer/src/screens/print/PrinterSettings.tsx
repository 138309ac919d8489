// 打印设置 (administrators): this desk's A4 printer, slip printer and width, and default template.
// On a browser-mode desk the browser's dialog chooses the printer, so only the template and the
// slip width apply there.
import { Alert, Button, Form, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import type { PrinterDto, PrintSettingsDto } from '../../../../shared/contract';
import { SLIP_WIDTHS } from '../../../../shared/domain/print/slip';
import { defaultPrintTemplate, PRINT_TEMPLATE_IDS, PRINT_TEMPLATES, type PrintTemplateId } from '../../../../shared/domain/print/templates';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';

const FORM = 'print_settings';
const FIELDS = ['a4PrinterName', 'slipPrinterName', 'slipWidth', 'defaultTemplate'] as const;
/** antd's Select cannot hold null as a value: these stand for "none chosen". */
const SYSTEM_PRINTER = '__system__';
const BY_REGION = '__region__';

interface Values {
  a4PrinterName: string;
  slipPrinterName: string;
  slipWidth: PrintSettingsDto['slipWidth'];
  defaultTemplate: PrintTemplateId | typeof BY_REGION;
}

export interface PrinterSettingsProps {
  open: boolean;
  settings: PrintSettingsDto;
  printers: PrinterDto[];
  desktop: boolean;
  regionCode: string;
  onClose: () => void;
  onSaved: (settings: PrintSettingsDto) => void;
}

function printerOptions(printers: PrinterDto[], none: string, current: string | null) {
  const options = [{ value: SYSTEM_PRINTER, label: none }, ...printers.map((p) => ({ value: p.name, label: p.displayName === p.name ? p.name : `${p.displayName}（${p.name}）` }))];
  // A remembered printer that is gone (renamed, unplugged) still shows, so the admin sees why.
  if (current && !printers.some((p) => p.name === current)) options.push({ value: current, label: `${current}（本机未找到）` });
  return options;
}

export function PrinterSettings({ open, settings, printers, desktop, regionCode, onClose, onSaved }: PrinterSettingsProps) {
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);
  const regionTemplate = PRINT_TEMPLATES[defaultPrintTemplate(regionCode)];

  async function save(values: Values) {
    setSaving(true);
    const result = await api.invoke('print.settings.set', {
      a4PrinterName: values.a4PrinterName === SYSTEM_PRINTER ? null : values.a4PrinterName,
      slipPrinterName: values.slipPrinterName === SYSTEM_PRINTER ? null : values.slipPrinterName,
      slipWidth: values.slipWidth,
      defaultTemplate: values.defaultTemplate === BY_REGION ? null : values.defaultTemplate,
    });
    setSaving(false);
    if (!result.ok) return failure.show(result);
    failure.clear();
    onSaved(result.value);
    onClose();
  }

  return (
    <Modal
      open={open}
      title="打印设置"
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存设置
          </Button>
        </Space>
      }
    >
      {!desktop && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="浏览器模式下由浏览器的打印对话框选择打印机；打印机设置只在桌面版工作台中生效。"
        />
      )}
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<Values>
        form={form}
        name={FORM}
        layout="vertical"
        onFinish={(v) => void save(v)}
        onValuesChange={failure.onValuesChange}
        initialValues={{
          a4PrinterName: settings.a4PrinterName ?? SYSTEM_PRINTER,
          slipPrinterName: settings.slipPrinterName ?? SYSTEM_PRINTER,
          slipWidth: settings.slipWidth,
          defaultTemplate: settings.defaultTemplate ?? BY_REGION,
        }}
      >
        <Form.Item name="a4PrinterName" label="A4 备案表打印机" extra="选定打印机后直接打印；不选则每次弹出系统打印对话框">
          <Select disabled={!desktop} options={printerOptions(printers, '不指定（每次选择打印机）', settings.a4PrinterName)} />
        </Form.Item>
        <Form.Item name="slipPrinterName" label="小票打印机">
          <Select disabled={!desktop} options={printerOptions(printers, '系统默认打印机', settings.slipPrinterName)} />
        </Form.Item>
        <Form.Item name="slipWidth" label="小票纸宽">
          <Radio.Group options={SLIP_WIDTHS.map((w) => ({ value: w, label: w }))} />
        </Form.Item>
        <Form.Item name="defaultTemplate" label="默认备案表样式">
          <Select
            options={[
              { value: BY_REGION, label: `按本院所在地区（${regionTemplate.choiceLabel}）` },
              ...PRINT_TEMPLATE_IDS.map((id) => ({ value: id, label: PRINT_TEMPLATES[id].choiceLabel })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
