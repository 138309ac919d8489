// The print stylesheet of the A4 备案表, inlined by renderPrintDocument so that the preview, the
// printer and the PDF use one document. Rules: A4 from @page; nothing is clipped (no fixed heights
// with overflow hidden — rows have a minimum height and grow); long text wraps and may continue on
// the next page; small rows and the signature block never split across pages.
export const PRINT_FONT_STACK = '"YB Print CJK", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif';

/**
 * One CJK face for every weight: bold text is synthesised from the regular face. Each face a PDF
 * uses is embedded separately, and Debian's Noto Sans CJK (CFF outlines in a font collection) cannot
 * be subset by Chromium's PDF writer, so each face becomes dozens of Type 3 fonts built glyph by
 * glyph: the bold face alone was about 40% of page.pdf (docs/performance.md, print). local() only:
 * nothing is fetched. If none of the names matches, the stack below it applies as before.
 */
const PRINT_FONT_FACE = `@font-face { font-family: "YB Print CJK"; font-weight: 100 900;
  src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"), local("Source Han Sans SC"), local("SourceHanSansSC-Regular"), local("Microsoft YaHei"), local("SimSun"); }`;

/** Page margins; tests use them to compute the printable width. */
export const PAGE_MARGIN_MM = { top: 12, right: 13, bottom: 12, left: 13 } as const;

export const PRINT_STYLESHEET = `
${PRINT_FONT_FACE}
@page { size: A4; margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm; }
html, body { margin: 0; padding: 0; background: #fff; }
.yb-print { font-family: ${PRINT_FONT_STACK}; font-size: 10.5pt; line-height: 1.5; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.yb-print *, .yb-print *::before, .yb-print *::after { box-sizing: border-box; }
.yb-copy { position: relative; }
.yb-copy + .yb-copy { break-before: page; }

.yb-head { display: grid; grid-template-columns: 38mm 1fr 46mm; align-items: start; column-gap: 3mm; margin-bottom: 3mm; }
.yb-copy-label { display: inline-block; border: 1.2pt solid #000; padding: 0.3mm 2.5mm; font-weight: 700; letter-spacing: 0.1em; }
.yb-copy-no, .yb-head-meta { font-size: 8pt; line-height: 1.35; margin-top: 0.8mm; overflow-wrap: anywhere; }
.yb-title { margin: 2mm 0 0; text-align: center; font-size: 15.5pt; font-weight: 700; letter-spacing: 0.02em; line-height: 1.3; text-wrap: balance; }
.yb-qr { text-align: center; font-size: 8pt; line-height: 1.3; }
.yb-qr img { display: block; width: 20mm; height: 20mm; margin: 0 auto 0.5mm; }
.yb-serial-value { font-weight: 700; font-size: 8pt; overflow-wrap: anywhere; }

.yb-marks { margin-top: 2mm; text-align: center; break-inside: avoid; }
.yb-mark-row { display: flex; justify-content: center; gap: 3mm; }
.yb-mark { border: 2.5pt double #000; font-size: 17pt; font-weight: 700; letter-spacing: 0.3em; padding: 0 1.5mm 0 4.5mm; line-height: 1.35; }
.yb-mark-note { font-size: 8pt; line-height: 1.35; margin-top: 1mm; }

table.yb-table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.yb-table th, .yb-table td { border: 0.75pt solid #000; padding: 1mm 1.6mm; vertical-align: middle;
  overflow-wrap: anywhere; word-break: normal; }
.yb-table th { font-weight: normal; text-align: center; line-height: 1.35; }
.yb-table tr { height: 7.5mm; break-inside: avoid; }
.yb-table tr.yb-tall { break-inside: auto; }
.yb-table tr.yb-section th { height: 6.5mm; font-weight: 700; text-align: left; letter-spacing: 0.1em; }
.yb-table th.yb-side { letter-spacing: 0; }
.yb-table th.yb-join-down { border-bottom-style: hidden; }
.yb-table th.yb-join-up { border-top-style: hidden; }
.yb-long { white-space: pre-wrap; text-align: justify; min-height: 16mm; }
.yb-print .yb-long.yb-idle { min-height: 6mm; }
.yb-table th.yb-small { font-size: 9pt; line-height: 1.25; }
.yb-table th.yb-top { vertical-align: top; padding-top: 2mm; }
.yb-cell-title { display: block; margin-bottom: 1mm; }
.yb-cell-foot { display: flex; justify-content: flex-end; gap: 8mm; margin-top: 2mm; }
.yb-gap { display: inline-block; min-width: 22mm; }

.yb-boxes { display: flex; flex-wrap: wrap; gap: 0.5mm 5mm; }
.yb-box { display: inline-block; }
.yb-box-glyph { font-family: "DejaVu Sans", "Segoe UI Symbol", ${PRINT_FONT_STACK}; margin-right: 0.8mm; }

.yb-extra { display: grid; grid-template-columns: max-content 1fr; column-gap: 2mm; }
.yb-extra dt { font-weight: normal; }
.yb-extra dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }

.yb-statement { margin-top: 3mm; }
.yb-sign { display: grid; grid-template-columns: 1fr 64mm; column-gap: 8mm; margin-top: 3mm; break-inside: avoid; }
.yb-sign-lines { display: flex; flex-direction: column; justify-content: space-between; gap: 4mm; padding: 1mm 0; }
.yb-handler { display: flex; gap: 12mm; }
.yb-line { display: inline-block; min-width: 46mm; border-bottom: 0.75pt solid #000; }
.yb-line-short { display: inline-block; min-width: 10mm; border-bottom: 0.75pt solid #000; }
.yb-stamp { position: relative; border: 0.75pt dashed #000; height: 27mm; padding: 1.5mm 2mm; }
.yb-stamp-date { position: absolute; right: 2mm; bottom: 1.5mm; }

.yb-notice { margin-top: 3mm; font-size: 8.5pt; line-height: 1.5; }
.yb-notice h2 { break-after: avoid; }
.yb-notice li { break-inside: avoid; }
.yb-notice h2 { margin: 0 0 0.5mm; font-size: 10.5pt; text-align: center; }
.yb-notice ol { margin: 0; padding-left: 6mm; }

/* Fixed, so Chromium repeats it on every printed page; clipped, with only the text rotated, so it never
   widens the page (a rotated full-size box would make Chromium shrink the whole form to fit). */
.yb-watermark { position: fixed; inset: 0; overflow: hidden; display: flex; align-items: center; justify-content: center;
  pointer-events: none; z-index: 10; }
.yb-watermark span { font-size: 170pt; font-weight: 700; color: rgba(0, 0, 0, 0.13); transform: rotate(-30deg); }
`;
