// The desk slip DTO, the one HTML escape, the slip HTML and the electron-pos-printer lines, and the
// QR data URLs — without a browser. The browser proof of escaping is in slip-render.test.ts.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../shared/domain/print/escape';
import { asciiToBase64, qrDataUrlFor } from '../../shared/domain/print/qr';
import {
  assertQrDataUrl,
  buildSlip,
  renderSlipHtml,
  slipLines,
  slipToPosPrinterData,
} from '../../shared/domain/print/slip';
import { filingOf, printInputOf } from './fixtures';
import { hostileSlip, PAYLOADS } from './hostile';

const QR = 'data:image/png;base64,iVBORw0KGgo=';

describe('escapeHtml', () => {
  it('escapes the five characters that open markup or leave an attribute', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml('</div><script>')).toBe('&lt;/div&gt;&lt;script&gt;');
    expect(escapeHtml('"a" \'b\'')).toBe('&quot;a&quot; &#39;b&#39;');
    expect(escapeHtml('A&B')).toBe('A&amp;B');
  });

  it('escapes text that already looks escaped, so it prints as typed', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('leaves Chinese text alone', () => {
    expect(escapeHtml('张三丰，合肥市第一人民医院')).toBe('张三丰，合肥市第一人民医院');
  });
});

describe('buildSlip', () => {
  const slip = buildSlip(printInputOf(filingOf('referral')));

  it('masks the name and the ID number', () => {
    const filing = filingOf('referral');
    expect(slip.personNameMasked).toBe('张*丰');
    expect(slip.certNoMasked).toBe(`${filing.certNo.slice(0, 4)}**********${filing.certNo.slice(-4)}`);
    expect(JSON.stringify(slip)).not.toContain(filing.certNo);
    expect(JSON.stringify(slip)).not.toContain('张三丰');
  });

  it('shows 待上传 for the serial and encodes the local number while not uploaded', () => {
    expect(slip.serial).toBe('待上传');
    expect(slip.uploadMark).toBe('待上传平台');
    expect(slip.qrText).toBe(filingOf('referral').localNo);
  });

  it('shows and encodes the platform serial once uploaded', () => {
    const uploaded = buildSlip(printInputOf(filingOf('referral', { uploadState: 'uploaded', platformSerial: 'J340100X' })));
    expect(uploaded.serial).toBe('J340100X');
    expect(uploaded.qrText).toBe('J340100X');
    expect(uploaded.uploadMark).toBeNull();
  });

  it('writes validity as start–end, 长期, or 出院结算时确定', () => {
    expect(slip.validity).toBe('2026-11-23 至 出院结算时确定');
    expect(buildSlip(printInputOf(filingOf('retired_resettled'))).validity).toBe('2026-11-23 至 长期');
    expect(buildSlip(printInputOf(filingOf('cancer_multi_course'))).validity).toBe('2026-11-23 至 2027-11-22');
  });

  it('stamps the print time in CST and names the operator', () => {
    const at = buildSlip(printInputOf(filingOf('referral'), { printedAt: new Date('2026-11-23T16:30:00Z') }));
    expect(at.printedAt).toBe('2026-11-24 00:30');
    expect(at.operatorName).toBe('周文');
  });

  it('does not crash on a filing without details', () => {
    const bare = buildSlip(printInputOf(filingOf('emergency', { details: {}, destinationRegion: null })));
    expect(bare.destination).toBe('');
    expect(slipLines(bare).every((l) => typeof l.value === 'string')).toBe(true);
  });
});

describe('renderSlipHtml escapes every value', () => {
  const html = renderSlipHtml(hostileSlip(), { width: '80mm', qrDataUrl: QR, training: true });

  it('contains no markup from any value', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).not.toContain('" onmouseover="');
    expect(html).not.toContain("' onfocus='");
    expect(html.match(/<img/g)).toHaveLength(1);
  });

  it('contains each value in its escaped form', () => {
    for (const payload of PAYLOADS) expect(html).toContain(escapeHtml(payload));
  });

  it('accepts only a base64 data:image URL for the QR code', () => {
    expect(() => assertQrDataUrl('https://example.invalid/qr.png')).toThrow();
    expect(() => assertQrDataUrl('data:image/png;base64,AAAA" onerror="alert(1)')).toThrow();
    expect(() => assertQrDataUrl('data:text/html;base64,PHNjcmlwdD4=')).toThrow();
    expect(() => renderSlipHtml(hostileSlip(), { width: '58mm', qrDataUrl: 'javascript:alert(1)', training: false })).toThrow();
    expect(() => assertQrDataUrl(QR)).not.toThrow();
  });

  it('sets the paper width and the training watermark', () => {
    expect(renderSlipHtml(hostileSlip(), { width: '58mm', qrDataUrl: QR, training: false })).toContain('class="slip w58"');
    expect(html).toContain('class="watermark"');
    expect(renderSlipHtml(hostileSlip(), { width: '80mm', qrDataUrl: QR, training: false })).not.toContain('class="watermark"');
  });
});

describe('slipToPosPrinterData', () => {
  const lines = slipToPosPrinterData(hostileSlip(), { training: false });
  const texts = lines.filter((l) => l.type === 'text').map((l) => l.value);

  it('escapes every text line, because electron-pos-printer sets it as innerHTML', () => {
    for (const value of texts) {
      expect(value).not.toMatch(/<|>|"/);
    }
    for (const payload of PAYLOADS) expect(texts.some((t) => t.includes(escapeHtml(payload)))).toBe(true);
  });

  it('has one qrCode line with the raw text to encode', () => {
    const qr = lines.filter((l) => l.type === 'qrCode');
    expect(qr).toEqual([expect.objectContaining({ type: 'qrCode', value: '20261123-0001', position: 'center' })]);
  });

  it('prints 演练 at the top and the bottom in training mode', () => {
    const training = slipToPosPrinterData(hostileSlip(), { training: true });
    expect(training[0]).toMatchObject({ type: 'text', value: '演练 演练 演练' });
    expect(training.at(-1)).toMatchObject({ type: 'text', value: '演练 演练 演练' });
    expect(lines.some((l) => l.value.includes('演练'))).toBe(false);
  });
});

describe('qrDataUrlFor', () => {
  it('returns an SVG data URL that decodes to an svg element', async () => {
    const url = await qrDataUrlFor('J3401002026112300000001');
    expect(url).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    const svg = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(() => assertQrDataUrl(url)).not.toThrow();
  });

  it('is deterministic and differs by text', async () => {
    expect(await qrDataUrlFor('20261123-0001')).toBe(await qrDataUrlFor('20261123-0001'));
    expect(await qrDataUrlFor('20261123-0001')).not.toBe(await qrDataUrlFor('20261123-0002'));
  });

  it('refuses empty text', async () => {
    await expect(qrDataUrlFor('')).rejects.toThrow();
  });

  it('encodes base64 like Node does', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 29 29"/>\n']) {
      expect(asciiToBase64(s)).toBe(Buffer.from(s, 'ascii').toString('base64'));
    }
    expect(() => asciiToBase64('张')).toThrow();
  });
});
