// Browser-mode preview of the thermal desk slip: the same escaped HTML that renderSlipHtml builds
// (and that mirrors the electron-pos-printer lines), shown at the paper's width.
import { useMemo, type Ref } from 'react';
import { renderSlipHtml, type SlipDto, type SlipWidth } from '../../../shared/domain/print/slip';

export interface SlipPreviewProps {
  slip: SlipDto;
  width: SlipWidth;
  qrDataUrl: string;
  training: boolean;
  frameRef?: Ref<HTMLIFrameElement>;
  height?: number | string;
}

export function SlipPreview({ slip, width, qrDataUrl, training, frameRef, height = 560 }: SlipPreviewProps) {
  const html = useMemo(() => renderSlipHtml(slip, { width, qrDataUrl, training }), [slip, width, qrDataUrl, training]);
  return (
    <iframe
      ref={frameRef}
      title="回执预览"
      srcDoc={html}
      sandbox="allow-same-origin allow-modals"
      style={{ width: `calc(${width} + 2px)`, height, border: '1px solid #d9d9d9', background: '#fff' }}
      data-testid="slip-preview"
    />
  );
}
