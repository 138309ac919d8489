// 系统设置 (admins): the institution, the policy profile, login and idle-lock security, printers.
// The platform's address, profile and credentials are kept on the platform screen (cut-over).
import { Alert, Button, Col, Row } from 'antd';
import type { InstitutionDto } from '../../../../shared/contract';
import { InstitutionSettings } from './InstitutionSettings';
import { PolicySettings } from './PolicySettings';
import { PrintSettingsCard } from './PrintSettingsCard';
import { SecuritySettings } from './SecuritySettings';

export interface SettingsScreenProps {
  institution: InstitutionDto | null;
  /** Opens the platform profile and credentials screen, when this desk has it. */
  onOpenPlatform?: (() => void) | undefined;
}

export function SettingsScreen({ institution, onOpenPlatform }: SettingsScreenProps) {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Alert
          type="info"
          showIcon
          title="医保平台地址、接口配置和凭据在“平台切换”中维护。"
          action={
            onOpenPlatform ? (
              <Button size="small" onClick={onOpenPlatform}>
                打开平台切换
              </Button>
            ) : undefined
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <InstitutionSettings />
      </Col>
      <Col xs={24} xl={12}>
        <SecuritySettings />
      </Col>
      <Col xs={24} xl={12}>
        <PolicySettings />
      </Col>
      <Col xs={24} xl={12}>
        <PrintSettingsCard regionCode={institution?.regionCode ?? ''} />
      </Col>
    </Row>
  );
}
