// The thermal desk slip (80 mm / 58 mm): content built here, rendered as an HTML document for the
// browser-mode preview and as electron-pos-printer lines for the Electron desk. The slip masks the
// name and the ID number: it is handed across the counter, unlike the signed A4 form.
//
// electron-pos-printer renders each 'text' line with innerHTML in a window that has Node enabled
// (dependencies.md §3), so every value on the slip goes through escapeHtml — a patient name that
// contains markup prints as text and never runs.
import { FILING_TYPE_LABELS, UPLOAD_STATE_LABELS } from '../filing';
import { maskIdNumber } from '../idcard';
import { escapeHtml } from './escape';
import { maskName, paperMinute } from './format';
import { awaitsUpload, END_DATE_AT_SETTLEMENT, UPLOAD_MARK, END_DATE_OPEN_LONG_TERM, printSectionOf, type PrintInput } from './form';
import { regionLabel } from '../regions';
import { detailText } from './details';

export const SLIP_TITLE = '异地就医备案回执';
export const SLIP_SERIAL_PENDING = '待上传';
export const TRAINING_MARK = '演练';

export const SLIP_WIDTHS = ['80mm', '58mm'] as const;
export type SlipWidth = (typeof SLIP_WIDTHS)[number];

export interface SlipDto {
  title: string;
  institutionName: string;
  filingTypeLabel: string;
  personNameMasked: string;
  certNoMasked: string;
  destination: string;
  /** `2026-11-23 至 2027-11-22`, or an open end: 长期 / 出院结算时确定. */
  validity: string;
  /** The platform serial, or 待上传 while the filing is not on the platform. */
  serial: string;
  localNo: string;
  uploadStateLabel: string;
  uploadMark: typeof UPLOAD_MARK | null;
  statusMark: '已作废' | '已撤销' | null;
  /** What the QR code encodes: the platform serial, else the local number (both find the filing at the desk). */
  qrText: string;
  operatorName: string;
  /** `YYYY-MM-DD HH:mm` CST. */
  printedAt: string;
}

export type SlipInput = Omit<PrintInput, 'copyLabels'>;

export function buildSlip(input: SlipInput): SlipDto {
  const { filing, institution, operator, printedAt } = input;
  const details = filing.details ?? {};
  const code = filing.destinationRegion ?? detailText(details, 'destinationRegion');
  const openEnd = printSectionOf(filing.type) === 'long_term' ? END_DATE_OPEN_LONG_TERM : END_DATE_AT_SETTLEMENT;
  const pending = awaitsUpload(filing);
  return {
    title: SLIP_TITLE,
    institutionName: institution.name.trim(),
    filingTypeLabel: FILING_TYPE_LABELS[filing.type],
    personNameMasked: maskName(filing.personName),
    certNoMasked: maskIdNumber(filing.certNo.trim()),
    destination: filing.destinationLabel ?? (code ? regionLabel(code) : ''),
    validity: `${filing.startDate} 至 ${filing.endDate ?? openEnd}`,
    serial: filing.platformSerial ?? (pending ? SLIP_SERIAL_PENDING : '无'),
    localNo: filing.localNo,
    uploadStateLabel: UPLOAD_STATE_LABELS[filing.uploadState],
    uploadMark: pending ? UPLOAD_MARK : null,
    statusMark: filing.status === 'voided' ? '已作废' : filing.uploadState === 'cancelled' ? '已撤销' : null,
    qrText: filing.platformSerial ?? filing.localNo,
    operatorName: operator.displayName.trim(),
    printedAt: paperMinute(printedAt),
  };
}

export interface SlipLine {
  label: string;
  value: string;
}

/** The labelled lines of a slip, in print order (title, institution and QR are laid out apart). */
export function slipLines(slip: SlipDto): SlipLine[] {
  return [
    { label: '备案类型', value: slip.filingTypeLabel },
    { label: '姓名', value: slip.personNameMasked },
    { label: '证件号码', value: slip.certNoMasked },
    { label: '就医地', value: slip.destination },
    { label: '有效期', value: slip.validity },
    { label: '备案流水号', value: slip.serial },
    { label: '本地编号', value: slip.localNo },
    { label: '上传状态', value: slip.uploadStateLabel },
    { label: '经办人', value: slip.operatorName },
    { label: '打印时间', value: slip.printedAt },
  ];
}

/** The big boxed marks at the top of a slip: 已作废/已撤销, 待上传平台. */
export function slipMarks(slip: SlipDto): string[] {
  return [slip.statusMark, slip.uploadMark].filter((m): m is NonNullable<typeof m> => m !== null);
}

const DATA_URL = /^data:image\/(?:png|svg\+xml|gif|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Only an inline base64 image may be the QR code: never a remote URL, never an attribute break-out. */
export function assertQrDataUrl(qrDataUrl: string): void {
  if (!DATA_URL.test(qrDataUrl)) throw new Error('qrDataUrl must be a base64 data:image URL');
}

const SLIP_CSS = `
@page { margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; }
.slip { position: relative; width: 80mm; padding: 3mm 4mm 5mm; font-size: 12.5px; line-height: 1.45; }
.slip.w58 { width: 58mm; padding: 2.5mm 3mm 4mm; font-size: 11px; }
.title { text-align: center; font-weight: 700; font-size: 1.3em; }
.inst { text-align: center; margin-top: 0.5mm; overflow-wrap: anywhere; }
.rule { border-top: 1px dashed #000; margin: 2mm 0; }
.line { display: flex; align-items: baseline; }
.label { flex: none; }
.value { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.line.serial .value { font-weight: 700; font-size: 1.15em; }
.mark { border: 2px solid #000; text-align: center; font-weight: 700; font-size: 1.35em; letter-spacing: 0.2em; margin: 2mm 0; padding: 0.5mm 0; }
.qr { display: block; width: 30mm; height: 30mm; margin: 2mm auto 0; }
.slip.w58 .qr { width: 26mm; height: 26mm; }
.qr-caption { text-align: center; font-size: 0.9em; overflow-wrap: anywhere; }
/* The box is clipped and only its text is rotated: a rotated full-size box would overflow the paper width and make Chromium shrink the slip. */
.watermark { position: absolute; inset: 0; overflow: hidden; display: flex; align-items: center; justify-content: center; pointer-events: none; }
.watermark span { font-size: 26mm; font-weight: 700; color: rgba(0, 0, 0, 0.16); transform: rotate(-30deg); }
.slip.w58 .watermark span { font-size: 19mm; }
`;

export interface SlipRenderOptions {
  width: SlipWidth;
  qrDataUrl: string;
  training: boolean;
}

/** The slip as a complete HTML document; every value in it is escaped. */
export function renderSlipHtml(slip: SlipDto, options: SlipRenderOptions): string {
  assertQrDataUrl(options.qrDataUrl);
  const e = escapeHtml;
  const widthClass = options.width === '58mm' ? 'slip w58' : 'slip w80';
  const lines = slipLines(slip)
    .map(
      (l) =>
        `<div class="line${l.label === '备案流水号' ? ' serial' : ''}"><span class="label">${e(l.label)}：</span><span class="value">${e(l.value)}</span></div>`,
    )
    .join('');
  const marks = slipMarks(slip)
    .map((m) => `<div class="mark">${e(m)}</div>`)
    .join('');
  const watermark = options.training ? `<div class="watermark" aria-hidden="true"><span>${e(TRAINING_MARK)}</span></div>` : '';
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${e(slip.title)}</title><style>${SLIP_CSS}</style></head><body>`,
    `<div class="${widthClass}" data-width="${e(options.width)}">`,
    `<div class="title">${e(slip.title)}</div>`,
    `<div class="inst">${e(slip.institutionName)}</div>`,
    '<div class="rule"></div>',
    marks,
    lines,
    '<div class="rule"></div>',
    `<img class="qr" alt="${e(slip.qrText)}" src="${e(options.qrDataUrl)}">`,
    `<div class="qr-caption">${e(slip.qrText)}</div>`,
    watermark,
    '</div></body></html>',
  ].join('');
}

/**
 * electron-pos-printer's PosPrintData, typed here so shared/ does not import the library (which
 * requires 'electron'). Only what the slip uses.
 */
export interface PosPrintStyle {
  fontSize?: string;
  fontWeight?: string;
  textAlign?: string;
  border?: string;
  margin?: string;
  padding?: string;
  letterSpacing?: string;
}

export type PosPrintData =
  | { type: 'text'; value: string; style?: PosPrintStyle }
  | { type: 'qrCode'; value: string; width: string; height: string; position: 'left' | 'center' | 'right'; style?: PosPrintStyle };

/**
 * The slip as electron-pos-printer lines. Every 'text' value is escaped, because the library sets
 * it as innerHTML. The QR line carries the raw text: the library encodes it into a canvas with the
 * qrcode package (it is never parsed as markup), and escaping it would change what the code says.
 */
export function slipToPosPrinterData(slip: SlipDto, options: { training: boolean }): PosPrintData[] {
  const e = escapeHtml;
  const center: PosPrintStyle = { textAlign: 'center' };
  const trainingLine: PosPrintData[] = options.training
    ? [{ type: 'text', value: e(`${TRAINING_MARK} ${TRAINING_MARK} ${TRAINING_MARK}`), style: { ...center, fontSize: '20px', fontWeight: '700', border: '2px solid #000', margin: '0 0 6px 0' } }]
    : [];
  const marks: PosPrintData[] = slipMarks(slip).map((m) => ({ type: 'text', value: e(m), style: { ...center, fontSize: '18px', fontWeight: '700', border: '2px solid #000', margin: '4px 0' } }));
  return [
    ...trainingLine,
    { type: 'text', value: e(slip.title), style: { ...center, fontSize: '18px', fontWeight: '700' } },
    { type: 'text', value: e(slip.institutionName), style: { ...center, margin: '0 0 6px 0' } },
    ...marks,
    ...slipLines(slip).map((l): PosPrintData => ({ type: 'text', value: `${e(l.label)}：${e(l.value)}`, style: { fontSize: '13px' } })),
    { type: 'qrCode', value: slip.qrText, width: '160', height: '160', position: 'center', style: { margin: '8px 0 0 0' } },
    { type: 'text', value: e(slip.qrText), style: { ...center, fontSize: '12px' } },
    ...trainingLine,
  ];
}
