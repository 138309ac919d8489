// What "修改" means for a filing right now, as filing.update (main/services/filings.ts) decides it:
// before the upload has left, the saved content is what the queue sends (its payload is only the
// filing's id); once the platform has it, the platform offers no change — void (备案撤销, 2502) and
// file again; while a send is in flight or its outcome unknown, nothing may change. Saving a filing
// the platform refused puts its upload back in the queue (filing.update does it in the same
// transaction); a filing the platform takes no upload for (无需上传) is edited at the desk only.
import type { FilingSummary } from '../../../../shared/domain/filing';

export type EditPathKind = 'edit' | 'edit_resubmit' | 'edit_review' | 'edit_local' | 'refile' | 'wait' | 'closed';

export interface EditPath {
  kind: EditPathKind;
  /** Whether the editor may open (filing.update will accept it, locks aside). */
  editable: boolean;
  /** What happens, for the screen. */
  text: string;
}

type Target = Pick<FilingSummary, 'status' | 'uploadState' | 'reviewStatus'>;

export function editPath(f: Target): EditPath {
  if (f.status === 'voided') return { kind: 'closed', editable: false, text: '该备案已作废，不能修改。' };
  if (f.reviewStatus === 'returned') {
    return { kind: 'edit_review', editable: true, text: '复核退回：按退回原因修改后保存，备案重新进入待复核，复核通过后才上传。' };
  }
  if (f.reviewStatus === 'pending_review') {
    return { kind: 'edit_review', editable: true, text: '待复核：可以修改，保存后仍由复核员复核，复核通过后才上传。' };
  }
  switch (f.uploadState) {
    case 'pending':
      return { kind: 'edit', editable: true, text: '尚未上传：保存后上传队列按修改后的内容上传，无需其他操作。' };
    case 'rejected':
      return { kind: 'edit_resubmit', editable: true, text: '被平台退回：按退回原因修改后保存，即重新提交，上传队列按新内容再次上传。' };
    case 'uploading':
    case 'uncertain':
      return { kind: 'wait', editable: false, text: '正在上传或上传结果待核实，暂不能修改；请待上传结果确定后再处理。' };
    case 'uploaded':
      return {
        kind: 'refile',
        editable: false,
        text: '已上传到医保平台：平台不支持直接修改。请先作废本备案（自动向平台提交备案撤销），再按正确内容新增备案。',
      };
    case 'cancelled':
      return { kind: 'closed', editable: false, text: '该备案的上传已撤销，不能修改；如仍需备案，请新增备案。' };
    case 'not_required':
      // Kept at the desk only (the profile has no institution-side transaction for the type): edited in place.
      return { kind: 'edit_local', editable: true, text: '该类备案不上传医保平台（平台未开放机构端备案接口）：修改只在本机生效，保存即可，不进入上传队列。' };
  }
}
