// 被退回: what the platform (or the desk, for a missing field) said, and what can be done about it.
// The desk has no screen to edit a saved filing yet (the contract's filing.update has no form), so the
// dialog says so plainly: resubmit unchanged when the cause was fixed elsewhere, or void the filing
// and enter it again.
import { Alert, App, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { QueueEntryDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';

export const NO_EDIT_NOTICE = '工作台暂不能修改已保存的备案（备案修改界面尚未提供）。';

export interface RejectedDialogProps {
  entry: QueueEntryDto | null;
  onClose: () => void;
}

export function RejectedDialog({ entry, onClose }: RejectedDialogProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function resubmit() {
    if (!entry) return;
    setSaving(true);
    const result = await api.invoke('queue.retryNow', { entryId: entry.id });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    message.success('已重新提交，将按顺序上传');
    onClose();
  }

  return (
    <Modal
      open={entry !== null}
      title="被退回的备案"
      okText="按原内容重新提交"
      cancelText="关闭"
      confirmLoading={saving}
      onOk={() => void resubmit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      {entry && (
        <>
          <Typography.Paragraph>
            {entry.filingLocalNo ?? '—'} {entry.personName ?? ''}（{entry.kindLabel}）
          </Typography.Paragraph>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title="退回原因" description={entry.lastError ?? '平台未说明原因'} data-testid="rejected-reason" />
          <Typography.Paragraph>{NO_EDIT_NOTICE}可以这样处理：</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
            <li>退回原因已在平台或参保地处理好（如参保信息已更正、平台问题已排除）：点“按原内容重新提交”再次上传；</li>
            <li>备案内容本身有误或缺项：请在备案列表中作废该备案，再新增一条正确的备案。按原内容重新提交仍会被退回。</li>
          </ul>
          {error && <Alert type="error" showIcon title={error} />}
        </>
      )}
    </Modal>
  );
}
