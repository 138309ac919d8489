// Browser mode's desk slip: the same escaped slip document the Electron desk prints, previewed at
// the paper's width and printed with the browser's dialog.
import { Button, Modal, Space, Typography } from 'antd';
import type { Ref } from 'react';
import type { SlipDto, SlipWidth } from '../../../../shared/domain/print/slip';
import { SlipPreview } from '../../print/SlipPreview';

export interface SlipDialogProps {
  open: boolean;
  slip: SlipDto;
  width: SlipWidth;
  qrDataUrl: string;
  training: boolean;
  busy: boolean;
  frameRef: Ref<HTMLIFrameElement>;
  onPrint: () => void;
  onClose: () => void;
}

export function SlipDialog({ open, slip, width, qrDataUrl, training, busy, frameRef, onPrint, onClose }: SlipDialogProps) {
  return (
    <Modal
      open={open}
      title={`小票预览（${width}）`}
      onCancel={onClose}
      width={420}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={busy} onClick={onPrint}>
            打印小票
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">在打印对话框中选择小票打印机，纸张选择 {width} 卷纸。</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <SlipPreview slip={slip} width={width} qrDataUrl={qrDataUrl} training={training} frameRef={frameRef} />
      </div>
    </Modal>
  );
}
