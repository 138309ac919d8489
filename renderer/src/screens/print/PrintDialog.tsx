// 打印预览: one filing's 备案表 in the chosen template (two copies, 待上传平台 until uploaded, 演练 in
// training mode), with 打印 (Ctrl+P), 导出PDF and 打印小票. The Electron desk prints through the main
// side (print.a4 / print.slip), which audits; browser mode prints this same document with the
// browser's dialog and reports it (print.record). Administrators reach 打印设置 from here.
import { Alert, App, Button, Modal, Result, Segmented, Space, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Failure } from '../../../../shared/contract';
import { buildPrintForm } from '../../../../shared/domain/print/form';
import { qrDataUrlFor } from '../../../../shared/domain/print/qr';
import { buildSlip } from '../../../../shared/domain/print/slip';
import { PRINT_TEMPLATE_IDS, PRINT_TEMPLATES, type PrintTemplateId } from '../../../../shared/domain/print/templates';
import { useApi } from '../../api/ApiContext';
import { canCall } from '../../api/access';
import { PrintPreview, printPreviewFrame } from '../../print/PrintPreview';
import { renderPrintDocument } from '../../print/renderDocument';
import { downloadPdf, pdfFileName, previewShows, slipShows } from './frames';
import { PrinterSettings } from './PrinterSettings';
import { SlipDialog } from './SlipDialog';
import { useKeydownIn } from './useKeydownIn';
import { usePrintContext, type PrintContext } from './usePrintContext';

export interface PrintDialogProps {
  /** The filing to print; null keeps the dialog closed. */
  filingId: string | null;
  onClose: () => void;
}

export function PrintDialog({ filingId, onClose }: PrintDialogProps) {
  return (
    <Modal
      open={filingId !== null}
      title="打印预览"
      onCancel={onClose}
      width={1040}
      centered
      destroyOnHidden
      footer={null}
      styles={{ body: { minHeight: 420 } }}
    >
      {filingId && <PrintScreen filingId={filingId} />}
    </Modal>
  );
}

const NOT_READY = '预览尚未加载完成，请稍候再试';

type PrintKind = 'a4' | 'pdf' | 'slip';

/** What the operator is told after a print; a reprint says so (the audit row says it too). */
function outcomeText(kind: PrintKind, reprint: boolean): string {
  const what = { a4: reprint ? '已补打备案表' : '已打印备案表', pdf: reprint ? '已导出备案表PDF（补打）' : '已导出备案表PDF', slip: reprint ? '已补打小票' : '已打印小票' }[kind];
  return `${what}，已记录打印日志`;
}

function PrintScreen({ filingId }: { filingId: string }) {
  const { state, setSettings } = usePrintContext(filingId);
  if (state.status === 'loading') return <Spin description="正在准备打印预览…" style={{ display: 'block', marginTop: 160 }} />;
  if (state.status === 'failed') return <Result status="warning" title="无法打开打印预览" subTitle={state.message} />;
  return <PrintWorkbench context={state.value} onSettings={setSettings} />;
}

function PrintWorkbench({ context, onSettings }: { context: PrintContext; onSettings: (s: PrintContext['settings']) => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const { filing, institution, operator, training, settings, desktop } = context;
  const [template, setTemplate] = useState<PrintTemplateId>(settings.effectiveTemplate);
  const [qrDataUrl, setQrDataUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'a4' | 'pdf' | 'slip'>(null);
  const [slipOpen, setSlipOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const slipFrame = useRef<HTMLIFrameElement>(null);

  const input = useMemo(
    () => ({ filing, institution, operator: { displayName: operator.displayName }, printedAt: context.loadedAt }),
    [filing, institution, operator.displayName, context.loadedAt],
  );
  const dto = useMemo(() => buildPrintForm(input), [input]);
  const slip = useMemo(() => buildSlip(input), [input]);

  useEffect(() => {
    let live = true;
    void qrDataUrlFor(dto.qrText).then((url) => live && setQrDataUrl(url));
    return () => {
      live = false;
    };
  }, [dto.qrText]);

  const fail = useCallback((failure: Failure) => void message.error(failure.message), [message]);

  /** Browser mode: the browser printed (or saved) the frame; the main side records it. */
  const record = useCallback(
    async (kind: PrintKind) => {
      const r = await api.invoke('print.record', kind === 'slip' ? { filingId: filing.id, kind } : { filingId: filing.id, kind, template });
      if (!r.ok) return fail(r);
      void message.success(outcomeText(kind, r.value.reprint));
    },
    [api, fail, filing.id, message, template],
  );

  const printA4 = useCallback(
    async (target: 'printer' | 'pdf') => {
      if (busy || !qrDataUrl) return;
      const kind = target === 'pdf' ? 'pdf' : 'a4';
      setBusy(kind);
      try {
        if (!desktop) {
          if (!previewShows(frame.current, template)) return void message.warning(NOT_READY);
          printPreviewFrame(frame.current);
          return await record(kind);
        }
        const html = renderPrintDocument(dto, template, { qrDataUrl, training });
        const r = await api.invoke('print.a4', { filingId: filing.id, template, html, target });
        if (!r.ok) return fail(r);
        if (!r.value.printed) return void message.info('已取消打印');
        if (r.value.pdfBase64) downloadPdf(r.value.pdfBase64, pdfFileName(dto.serial.value));
        void message.success(outcomeText(kind, r.value.reprint));
      } finally {
        setBusy(null);
      }
    },
    [api, busy, desktop, dto, fail, filing.id, message, qrDataUrl, record, template, training],
  );

  const printSlip = useCallback(async () => {
    if (busy) return;
    if (!desktop) return setSlipOpen(true);
    setBusy('slip');
    try {
      const r = await api.invoke('print.slip', { filingId: filing.id });
      if (!r.ok) return fail(r);
      if (!r.value.printed) return void message.info('已取消打印');
      void message.success(outcomeText('slip', r.value.reprint));
    } finally {
      setBusy(null);
    }
  }, [api, busy, desktop, fail, filing.id, message]);

  const printSlipFrame = useCallback(async () => {
    if (busy) return;
    if (!slipShows(slipFrame.current)) return void message.warning(NOT_READY);
    setBusy('slip');
    try {
      printPreviewFrame(slipFrame.current);
      await record('slip');
      setSlipOpen(false);
    } finally {
      setBusy(null);
    }
  }, [busy, message, record]);

  // Ctrl+P prints what is in front: the slip when its preview is open, else the form. The
  // browser's own Ctrl+P would print the whole desk page (or just the focused frame) instead.
  const frames = useMemo(() => [frame, slipFrame], []);
  useKeydownIn(
    frames,
    (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'p' || settingsOpen) return;
      event.preventDefault();
      void (slipOpen ? printSlipFrame() : printA4('printer'));
    },
    `${qrDataUrl !== null}-${slipOpen}`,
  );

  const isAdmin = canCall(operator.role, 'print.settings.set');
  return (
    <div data-testid="print-screen">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <span>
          <Typography.Text type="secondary">备案表样式 </Typography.Text>
          <Segmented<PrintTemplateId>
            value={template}
            onChange={setTemplate}
            options={PRINT_TEMPLATE_IDS.map((id) => ({ value: id, label: PRINT_TEMPLATES[id].choiceLabel }))}
            aria-label="备案表样式"
          />
        </span>
        <Space style={{ marginLeft: 'auto' }} wrap>
          <Tooltip title="Ctrl+P">
            <Button type="primary" loading={busy === 'a4'} disabled={!qrDataUrl} onClick={() => void printA4('printer')}>
              打印
            </Button>
          </Tooltip>
          <Button loading={busy === 'pdf'} disabled={!qrDataUrl} onClick={() => void printA4('pdf')}>
            导出PDF
          </Button>
          <Button loading={busy === 'slip' && !slipOpen} disabled={!qrDataUrl} onClick={() => void printSlip()}>
            打印小票
          </Button>
          {isAdmin && <Button onClick={() => setSettingsOpen(true)}>打印设置</Button>}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="print-summary">
        {[filing.personName, `${dto.serial.label} ${dto.serial.value}`, dto.uploadStateLabel, '共两联（参保人留存联、医院留存联）'].join(' · ')}
        {dto.uploadMark && <Typography.Text type="warning"> · 尚未上传平台，打印件标注“{dto.uploadMark}”</Typography.Text>}
      </Typography.Paragraph>
      {!desktop && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="浏览器模式：打印和导出PDF都使用浏览器的打印对话框（导出PDF时，目标打印机选择“另存为PDF”）。"
        />
      )}
      {qrDataUrl ? (
        <PrintPreview dto={dto} template={template} qrDataUrl={qrDataUrl} training={training} frameRef={frame} height="68vh" />
      ) : (
        <Spin style={{ display: 'block', marginTop: 120 }} />
      )}
      {qrDataUrl && slipOpen && (
        <SlipDialog
          open
          slip={slip}
          width={settings.slipWidth}
          qrDataUrl={qrDataUrl}
          training={training}
          busy={busy === 'slip'}
          frameRef={slipFrame}
          onPrint={() => void printSlipFrame()}
          onClose={() => setSlipOpen(false)}
        />
      )}
      {isAdmin && settingsOpen && (
        <PrinterSettings
          open
          settings={settings}
          printers={context.printers}
          desktop={desktop}
          regionCode={institution.regionCode}
          onClose={() => setSettingsOpen(false)}
          onSaved={(next) => {
            onSettings(next);
            void message.success('打印设置已保存');
          }}
        />
      )}
    </div>
  );
}
