// 一次性告知 (002_c36e71247612bdfe.txt 办理流程): every missing item, material and refusal reason
// at once, so the applicant comes back once. Copyable, and printable on its own page (a hidden
// frame, so the desk's own page is never printed).
import { App, Button, Card, Space, Typography } from 'antd';
import { businessDate } from '../../../../shared/domain/time';

export interface OneTimeNoticeProps {
  items: readonly string[];
  personName?: string | undefined;
  typeLabel?: string | null | undefined;
  /** Why it is shown: the save was refused, or the filing was saved with items still to hand in. */
  reason: 'refused' | 'outstanding';
}

export function noticeText({ items, personName, typeLabel }: Pick<OneTimeNoticeProps, 'items' | 'personName' | 'typeLabel'>, today: string): string {
  const who = [personName, typeLabel].filter(Boolean).join(' · ');
  return [
    `一次性告知${who ? `（${who}）` : ''}`,
    '办理异地就医备案尚需补充以下事项：',
    ...items.map((item, i) => `${i + 1}. ${item}`),
    `告知日期：${today}`,
  ].join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Prints the notice from a hidden frame; the frame goes away after the dialog closes. */
export function printNotice(text: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
  const [title, ...lines] = text.split('\n');
  frame.srcdoc =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title>` +
    '<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24mm;font-size:14pt;line-height:1.8}h1{font-size:18pt;text-align:center}</style>' +
    `</head><body><h1>${escapeHtml(title ?? '')}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 1000);
  };
  document.body.appendChild(frame);
}

export function OneTimeNotice({ items, personName, typeLabel, reason }: OneTimeNoticeProps) {
  const { message } = App.useApp();
  if (!items.length) return null;
  const text = noticeText({ items, personName, typeLabel }, businessDate(new Date()));
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => message.success('一次性告知已复制'),
      () => message.error('复制失败，请选中文字后按 Ctrl+C'),
    );
  };
  return (
    <Card
      size="small"
      data-testid="one-time-notice"
      title={reason === 'refused' ? `一次性告知：尚缺 ${items.length} 项，暂不能保存` : `一次性告知：尚缺 ${items.length} 项，请告知参保人补齐`}
      style={{ marginBottom: 16, borderColor: reason === 'refused' ? '#ffccc7' : '#ffe58f' }}
      extra={
        <Space>
          <Button size="small" onClick={copy}>
            复制
          </Button>
          <Button size="small" onClick={() => printNotice(text)}>
            打印告知单
          </Button>
        </Space>
      }
    >
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {items.map((item) => (
          <li key={item}>
            <Typography.Text>{item}</Typography.Text>
          </li>
        ))}
      </ol>
    </Card>
  );
}
