// 新增备案 / 修改备案 for every filing type (issue 5). FilingEditor is used by the filing detail and
// the queue's rejected-filing dialog: <FilingEditor filingId onSaved onCancel />.
export { FilingFormScreen } from './FilingFormScreen';
export { FilingEditor, type FilingEditorProps } from './FilingEditor';
export { FilingForm, type FilingFormProps, type FilingSaved } from './FilingForm';
export { SavedNotice } from './SavedNotice';
