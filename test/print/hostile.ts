// Markup in every printed value: what a patient name, an institution name or an operator name
// could contain. Printing must show it as text and never create an element or run a script.
import type { SlipDto } from '../../shared/domain/print/slip';

export const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '</div><script>alert(2)</script>',
  '" onmouseover="alert(3)',
  "' onfocus='alert(4)",
  'A&B &amp; &lt;b&gt;',
] as const;

/** A payload that records its own execution, for checks inside the browser. */
export const PWN_NAME = '<img src=x onerror="window.__pwned=1;alert(1)"></div><script>window.__pwned=2</script>&amp;"\'';

/** A slip whose every value is markup. */
export function hostileSlip(): SlipDto {
  const [img, script, dq, sq, amp] = PAYLOADS;
  return {
    title: script,
    institutionName: img,
    filingTypeLabel: dq,
    personNameMasked: sq,
    certNoMasked: amp,
    destination: img,
    validity: script,
    serial: dq,
    localNo: sq,
    uploadStateLabel: amp,
    uploadMark: '待上传平台',
    statusMark: null,
    qrText: '20261123-0001',
    operatorName: script,
    printedAt: img,
  };
}

