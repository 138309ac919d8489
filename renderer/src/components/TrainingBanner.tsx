import { Alert } from 'antd';

export const TRAINING_BANNER_TEXT = '演练模式：数据仅用于培训，不会上传到真实医保平台';

/** Shown on every screen in training mode, so practice data is never mistaken for real filings. */
export function TrainingBanner() {
  return <Alert banner type="warning" showIcon title={TRAINING_BANNER_TEXT} data-testid="training-banner" />;
}
