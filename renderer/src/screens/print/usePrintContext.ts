// Everything the print preview needs about one filing and this desk: the filing in full, the
// institution and mode (app.info), who is printing (auth.me), the print settings, and whether the
// desk has printers of its own (the Electron desk) or prints through the browser.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InstitutionDto, OperatorDto, PrinterDto, PrintSettingsDto } from '../../../../shared/contract';
import type { FilingDetail } from '../../../../shared/domain/filing';
import { defaultPrintTemplate } from '../../../../shared/domain/print/templates';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';

export interface PrintContext {
  filing: FilingDetail;
  institution: InstitutionDto;
  operator: OperatorDto;
  training: boolean;
  settings: PrintSettingsDto;
  /** True on the Electron desk: print.a4 / print.slip reach the machine's printers. */
  desktop: boolean;
  printers: PrinterDto[];
  /** When the data was read: the print time on paper. */
  loadedAt: Date;
}

export type PrintContextState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; value: PrintContext };

export function usePrintContext(filingId: string | null): {
  state: PrintContextState;
  setSettings: (settings: PrintSettingsDto) => void;
} {
  const api = useApi();
  const [state, setState] = useState<PrintContextState>({ status: 'loading' });
  // Only the latest load may write: a slow answer for a closed preview must not overwrite a newer one.
  const latest = useRef(0);

  const load = useCallback(
    async (quiet: boolean) => {
      if (!filingId) return;
      const ticket = ++latest.current;
      if (!quiet) setState({ status: 'loading' });
      const [filing, info, me, settings, printers] = await Promise.all([
        api.invoke('filing.get', { id: filingId }),
        api.invoke('app.info', {}),
        api.invoke('auth.me', {}),
        api.invoke('print.settings.get', {}),
        api.invoke('print.printers', {}),
      ]);
      if (ticket !== latest.current) return;
      const failed = [filing, info, me].find((r) => !r.ok);
      if (failed && !failed.ok) return setState({ status: 'failed', message: failed.message });
      if (!filing.ok || !info.ok || !me.ok) return;
      if (!info.value.institution) return setState({ status: 'failed', message: '工作台尚未完成初始设置，不能打印' });
      const institution = info.value.institution;
      const region = defaultPrintTemplate(institution.regionCode);
      setState({
        status: 'ready',
        value: {
          filing: filing.value,
          institution,
          operator: me.value,
          training: info.value.mode === 'training',
          // Without the settings the region's template still applies (architecture §6).
          settings: settings.ok ? settings.value : { a4PrinterName: null, slipPrinterName: null, slipWidth: '80mm', defaultTemplate: null, effectiveTemplate: region },
          // If listing failed on a desk that has printers, the transport still says which desk this is.
          desktop: printers.ok ? printers.value.available : api.transport === 'ipc',
          printers: printers.ok ? printers.value.printers : [],
          loadedAt: new Date(),
        },
      });
    },
    [api, filingId],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  // The upload state and serial move while the preview is open: show what will be printed.
  useDeskEvent('filing.changed', (event) => {
    if (event.id === filingId) void load(true);
  });

  const setSettings = useCallback((settings: PrintSettingsDto) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', value: { ...s.value, settings } } : s));
  }, []);

  return { state, setSettings };
}
