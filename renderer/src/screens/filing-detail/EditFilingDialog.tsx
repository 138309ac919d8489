// 修改备案 from the detail and from the queue's 被退回 dialog: the filings form's FilingEditor
// (filing.update, with the lock override it asks for itself) under a note saying what saving does
// now (editPath). A filing refused by the platform is resubmitted by the save itself: filing.update
// puts its refused upload back in the queue in the same transaction and wakes the queue, which
// builds the upload from the saved filing when it sends. Nothing else is called here.
import { Alert, App, Modal } from 'antd';
import type { FilingDetail } from '../../../../shared/domain/filing';
import { FilingEditor } from '../filing-form';
import { editPath } from './editPath';

export interface EditFilingDialogProps {
  filing: FilingDetail | null;
  /** The platform's message for the refusal being fixed, shown above the form. */
  refusal?: string | null | undefined;
  onClose: () => void;
  onSaved?: (() => void) | undefined;
}

export function EditFilingDialog({ filing, refusal, onClose, onSaved }: EditFilingDialogProps) {
  const { message } = App.useApp();
  const path = filing ? editPath(filing) : null;

  function saved() {
    if (!filing) return;
    if (path?.kind === 'edit_resubmit') {
      message.success(`备案 ${filing.localNo} 已修改并重新提交，将按新内容上传`);
    } else if (path?.kind === 'edit_review' && filing.reviewStatus === 'returned') {
      message.success(`备案 ${filing.localNo} 已修改，已重新提交复核`);
    } else if (path?.kind === 'edit_local') {
      message.success(`备案 ${filing.localNo} 已修改（仅本机保存，无需上传）`);
    } else {
      message.success(`备案 ${filing.localNo} 已修改`);
    }
    onClose();
    onSaved?.();
  }

  return (
    <Modal open={filing !== null} title={filing ? `修改备案 ${filing.localNo}（${filing.personName}）` : '修改备案'} onCancel={onClose} footer={null} width={1280} destroyOnHidden centered>
      {filing && path && (
        <>
          {refusal && <Alert type="error" showIcon title="平台退回原因" description={refusal} style={{ marginBottom: 12 }} />}
          {filing.reviewStatus === 'returned' && filing.reviewNote && (
            <Alert type="warning" showIcon title="复核退回原因" description={filing.reviewNote} style={{ marginBottom: 12 }} />
          )}
          <Alert type={path.editable ? 'info' : 'warning'} showIcon title={path.text} style={{ marginBottom: 12 }} data-testid="edit-effect" />
          {path.editable && <FilingEditor filingId={filing.id} closeOnSave onSaved={saved} onCancel={onClose} />}
        </>
      )}
    </Modal>
  );
}
