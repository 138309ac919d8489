// The national baseline 备案表 for every filing type. The unified national paper form could not be
// found (policy-rules.md §3.2), so its fields are those of the 2501 message and the agency records
// (§3.3–3.4) plus seed 000's: person, insurance type, filing type, destination, dates, the
// type-specific block, and the agent (代办人).
import type { PrintFieldKey, PrintFormDto, PrintSection } from '../../../shared/domain/print/form';
import { PRINT_TEMPLATES } from '../../../shared/domain/print/templates';
import { CopyHeader, ExtraFields, FieldRow as Row, FourColumnTable, SignatureArea, TickRow, unplacedKeys, type CopyProps } from './parts';

const COMMON: readonly PrintFieldKey[] = [
  'personName', 'certNo', 'phone', 'workUnit', 'address', 'postalCode',
  'destination', 'destinationHospital', 'startDate', 'endDate',
  'agentName', 'agentRelation', 'agentCertNo', 'agentPhone',
  'institutionName', 'institutionCode', 'operatorName', 'filingDate',
];

const SECTION_KEYS: Record<PrintSection, readonly PrintFieldKey[]> = {
  referral: ['diagnosis', 'referralKind', 'referralReason', 'caseSummary'],
  emergency: ['admissionDate', 'diagnosis', 'caseSummary'],
  long_term: ['destinationAddress', 'reason', 'chronicDiseaseHospital'],
  temporary: ['reason', 'diagnosis', 'caseSummary'],
};

const SECTION_TITLES: Record<PrintSection, string> = {
  referral: '三、转诊转院信息',
  emergency: '三、异地急诊信息',
  long_term: '三、异地居住信息',
  temporary: '三、外出就医信息',
};

export function nationalPlacedKeys(section: PrintSection): readonly PrintFieldKey[] {
  return [...COMMON, ...SECTION_KEYS[section]];
}

function Section({ title }: { title: string }) {
  return (
    <tr className="yb-section">
      <th colSpan={4}>{title}</th>
    </tr>
  );
}

function TypeSection({ dto }: { dto: PrintFormDto }) {
  switch (dto.section) {
    case 'referral':
      return (
        <>
          <Row dto={dto} a="diagnosis" b="referralKind" />
          <Row dto={dto} a="referralReason" />
          <Row dto={dto} a="caseSummary" long />
        </>
      );
    case 'emergency':
      return (
        <>
          <Row dto={dto} a="admissionDate" b="diagnosis" />
          <Row dto={dto} a="caseSummary" long />
        </>
      );
    case 'long_term':
      return (
        <>
          <Row dto={dto} a="destinationAddress" />
          <Row dto={dto} a="reason" />
          <Row dto={dto} a="chronicDiseaseHospital" />
        </>
      );
    case 'temporary':
      return (
        <>
          <Row dto={dto} a="reason" />
          <Row dto={dto} a="diagnosis" />
          <Row dto={dto} a="caseSummary" long />
        </>
      );
  }
}

export function NationalForm(props: CopyProps) {
  const { dto } = props;
  const template = PRINT_TEMPLATES.national;
  const extra = unplacedKeys(dto, nationalPlacedKeys(dto.section));
  return (
    <>
      <CopyHeader {...props} title={template.title} />
      <FourColumnTable>
        <Section title="一、参保人员信息" />
        <Row dto={dto} a="personName" b="certNo" />
        <TickRow label="参保险种" boxes={dto.ticks.national.insuranceType} />
        <Row dto={dto} a="phone" b="workUnit" />
        <Row dto={dto} a="address" b="postalCode" />
        <Section title="二、备案信息" />
        <TickRow label="备案类型" boxes={dto.ticks.national.filingType} />
        <Row dto={dto} a="destination" b="destinationHospital" />
        <Row dto={dto} a="startDate" b="endDate" />
        <Section title={SECTION_TITLES[dto.section]} />
        <TypeSection dto={dto} />
        <Section title="四、代办人信息（本人办理不填）" />
        <Row dto={dto} a="agentName" b="agentRelation" />
        <Row dto={dto} a="agentCertNo" b="agentPhone" />
        {extra.length > 0 && (
          <>
            <Section title="五、其他登记信息" />
            <tr className="yb-tall">
              <td colSpan={4}>
                <ExtraFields dto={dto} keys={extra} />
              </td>
            </tr>
          </>
        )}
      </FourColumnTable>
      <div className="yb-statement">参保人（代办人）已核对以上信息，确认无误。</div>
      <SignatureArea dto={dto} signer="参保人（代办人）" stampLabel={template.stampLabel} />
    </>
  );
}
