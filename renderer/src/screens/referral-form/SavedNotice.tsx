// After a save: the desk-local number to write on paper, and that it waits in the upload queue.
import { Button, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { UploadStateTag } from '../../components/UploadStateTag';
import { PrintDialog } from '../print/PrintDialog';
import { PrinterGlyph } from '../print/RowPrintButton';

export interface SavedNoticeProps {
  filing: ResponseOf<'filing.create'>;
  onAnother: () => void;
  onList: () => void;
}

export function SavedNotice({ filing, onAnother, onList }: SavedNoticeProps) {
  const [printing, setPrinting] = useState(false);
  return (
    <>
      <Result
        status="success"
        title="备案已保存"
        subTitle={
          <Space orientation="vertical" size={4}>
            <span data-testid="saved-local-no">
              本地编号 <Typography.Text strong copyable>{filing.localNo}</Typography.Text>（{filing.personName}）
            </span>
            <span>
              上传状态 <UploadStateTag state={filing.uploadState} /> 已加入上传队列，将按顺序自动上传
            </span>
          </Space>
        }
        extra={[
          <Button key="list" type="primary" autoFocus onClick={onList}>
            返回备案列表
          </Button>,
          <Button key="print" icon={<PrinterGlyph />} onClick={() => setPrinting(true)}>
            打印备案表
          </Button>,
          <Button key="another" onClick={onAnother}>
            继续新增
          </Button>,
        ]}
      />
      <PrintDialog filingId={printing ? filing.id : null} onClose={() => setPrinting(false)} />
    </>
  );
}
