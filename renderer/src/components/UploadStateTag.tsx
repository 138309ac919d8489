import { Tag } from 'antd';
import { UPLOAD_STATE_LABELS, type UploadState } from '../../../shared/domain/filing';

const COLORS: Record<UploadState, string> = {
  pending: 'gold',
  uploading: 'processing',
  uploaded: 'success',
  uncertain: 'orange',
  rejected: 'error',
  cancelled: 'default',
  not_required: 'default',
};

export function UploadStateTag({ state }: { state: UploadState }) {
  return <Tag color={COLORS[state]}>{UPLOAD_STATE_LABELS[state]}</Tag>;
}
