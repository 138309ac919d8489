// 被退回: what the platform (or the desk, for a missing field) said, and what can be done about it.
// An upload refused for its content is fixed in the filing editor: saving the corrected filing puts
// the entry back in the queue (filing.update requeues it in the same transaction), and the upload is
// built from the saved filing when it is sent. When the cause was fixed elsewhere (the person's
// insurance corrected at the agency, a platform problem cleared) it is resubmitted unchanged.
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QueueEntryDto, ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { EditFilingDialog } from '../filing-detail/EditFilingDialog';
import { UPLOAD_KIND } from './labels';

export const FIX_NOTICE = '按退回原因修改备案后保存，即重新提交上传；上传队列按修改后的内容重新上传。';

export interface RejectedDialogProps {
  entry: QueueEntryDto | null;
  onClose: () => void;
}

/** The filing of a refused upload (the editor and the edit note need its state). */
function useRejectedFiling(entry: QueueEntryDto | null): ResponseOf<'filing.get'> | null {
  const api = useApi();
  const [filing, setFiling] = useState<ResponseOf<'filing.get'> | null>(null);
  const filingId = entry?.kind === UPLOAD_KIND ? entry.filingId : null;
  useEffect(() => {
    setFiling(null);
    if (!filingId) return;
    let live = true;
    void api.invoke('filing.get', { id: filingId }).then((f) => {
      if (live && f.ok) setFiling(f.value);
    });
    return () => {
      live = false;
    };
  }, [api, filingId]);
  return filing;
}

export function RejectedDialog({ entry, onClose }: RejectedDialogProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const filing = useRejectedFiling(entry);
  const editable = entry?.kind === UPLOAD_KIND && filing !== null && filing.status === 'active';

  function close() {
    setError(null);
    setEditing(false);
    onClose();
  }

  async function resubmit() {
    if (!entry) return;
    setSaving(true);
    const result = await api.invoke('queue.retryNow', { entryId: entry.id });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    message.success('已重新提交，将按顺序上传');
    close();
  }

  return (
    <>
      <Modal
        open={entry !== null && !editing}
        title="被退回的备案"
        onCancel={close}
        footer={
          <Space>
            <Button onClick={close}>关闭</Button>
            <Button loading={saving} onClick={() => void resubmit()}>
              按原内容重新提交
            </Button>
            {entry?.kind === UPLOAD_KIND && (
              <Button type="primary" disabled={!editable} onClick={() => setEditing(true)}>
                修改备案
              </Button>
            )}
          </Space>
        }
      >
        {entry && (
          <>
            <Typography.Paragraph>
              {entry.filingLocalNo ?? '—'} {entry.personName ?? ''}（{entry.kindLabel}）
            </Typography.Paragraph>
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title="退回原因" description={entry.lastError ?? '平台未说明原因'} data-testid="rejected-reason" />
            <Typography.Paragraph>可以这样处理：</Typography.Paragraph>
            <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
              {entry.kind === UPLOAD_KIND ? (
                <li>备案内容有误或缺项（如诊断编码、转往医疗机构）：点“修改备案”，{FIX_NOTICE}</li>
              ) : (
                <li>备案撤销被退回：核对平台上的备案状态；平台上已无该备案时请联系复核员人工核实。</li>
              )}
              <li>退回原因已在平台或参保地处理好（如参保信息已更正、平台问题已排除）：点“按原内容重新提交”再次上传。</li>
            </ul>
            {error && <Alert type="error" showIcon title={error} />}
          </>
        )}
      </Modal>
      <EditFilingDialog
        filing={editing ? filing : null}
        refusal={entry?.lastError ?? null}
        onClose={() => setEditing(false)}
        onSaved={close}
      />
    </>
  );
}
