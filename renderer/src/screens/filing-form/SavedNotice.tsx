// After a save: the desk-local number to write on paper, where the filing stands (upload queue or
// 复核), what is still to hand in (一次性告知), and 打印备案表 (Ctrl+P) / 继续新增 (Ctrl+N).
import { Button, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { UploadStateTag } from '../../components/UploadStateTag';
import { PrintDialog } from '../print/PrintDialog';
import { PrinterGlyph } from '../print/RowPrintButton';
import type { FilingSaved } from './FilingForm';
import { OneTimeNotice } from './OneTimeNotice';

export interface SavedNoticeProps {
  saved: FilingSaved;
  onAnother?: (() => void) | undefined;
  onList: () => void;
  listLabel?: string | undefined;
  title?: string | undefined;
}

const isKey = (e: KeyboardEvent, key: string) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === key;

export function SavedNotice({ saved, onAnother, onList, listLabel = '返回备案列表', title = '备案已保存' }: SavedNoticeProps) {
  const { filing, outstanding, typeLabel } = saved;
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // While the preview is open it handles Ctrl+P itself (prints).
      if (isKey(e, 'p') && !printing) {
        e.preventDefault();
        setPrinting(true);
      } else if (isKey(e, 'n') && onAnother && !printing) {
        e.preventDefault();
        onAnother();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [printing, onAnother]);

  const underReview = filing.reviewStatus === 'pending_review';
  return (
    <>
      <Result
        status="success"
        title={title}
        subTitle={
          <Space orientation="vertical" size={4}>
            <span data-testid="saved-local-no">
              本地编号 <Typography.Text strong copyable>{filing.localNo}</Typography.Text>（{filing.personName} · {typeLabel}）
            </span>
            {underReview ? (
              <span data-testid="saved-review">已提交复核：复核通过后加入上传队列</span>
            ) : (
              <span>
                上传状态 <UploadStateTag state={filing.uploadState} /> 已加入上传队列，将按顺序自动上传
              </span>
            )}
            {filing.endDate && <span>有效期 {filing.startDate} 至 {filing.endDate}</span>}
          </Space>
        }
        extra={[
          <Button key="list" type="primary" autoFocus onClick={onList}>
            {listLabel}
          </Button>,
          <Button key="print" icon={<PrinterGlyph />} onClick={() => setPrinting(true)}>
            打印备案表（Ctrl+P）
          </Button>,
          ...(onAnother
            ? [
                <Button key="another" onClick={onAnother}>
                  继续新增（Ctrl+N）
                </Button>,
              ]
            : []),
        ]}
      />
      {outstanding.length > 0 && <OneTimeNotice reason="outstanding" items={outstanding} personName={filing.personName} typeLabel={typeLabel} />}
      <PrintDialog filingId={printing ? filing.id : null} onClose={() => setPrinting(false)} />
    </>
  );
}
