// 新增备案 / 修改备案 for every filing type: the type picker, the person (looked up on the platform),
// the type's fields from data (fieldSets.ts), materials, the agent, and the policy engine's live
// feedback. Saving checks with the contract's schema, then with filing.evaluate; a refused save
// shows the 一次性告知 with every missing item at once.
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Failure, RequestOf, ResponseOf } from '../../../../shared/contract';
import type { FilingDetail, FilingType } from '../../../../shared/domain/filing';
import { FILING_CLASS_LABELS, FILING_CLASS_OF, REFERRAL_LIKE } from '../../../../shared/domain/filing-types';
import type { FilingEvaluation, PolicyProfile } from '../../../../shared/domain/policy';
import { pathOf } from '../../api/fieldErrors';
import { CstDatePicker } from '../../components/CstPicker';
import { FailureAlert } from '../../components/FailureAlert';
import { fieldId } from '../../forms/fieldId';
import { useFormFailure } from '../../forms/useFormFailure';
import { useKeyboardEntry } from '../../forms/useKeyboardEntry';
import { AgentSection } from './AgentSection';
import { FieldControl } from './FieldControl';
import { allControlNames, FILING_FORM, fieldSetFor, mainEntry, optionalEntry, typeLabelOf } from './fieldSets';
import { placeFailure, toFilingRequest, type FilingFormValues } from './formValues';
import { MaterialsSection } from './MaterialsSection';
import { OneTimeNotice } from './OneTimeNotice';
import { PersonSection } from './PersonSection';
import { PolicyFeedback } from './PolicyFeedback';
import type { DeskPolicy } from './useDeskPolicy';
import { useEvaluation } from './useEvaluation';
import { usePersonLookup } from './usePersonLookup';

/** What the form hands to its screen after a save: the filing and what is still to hand in. */
export interface FilingSaved {
  filing: FilingDetail;
  outstanding: string[];
  typeLabel: string;
}

export interface FilingFormProps {
  policy: DeskPolicy;
  initialValues: FilingFormValues;
  /** Edit mode: the filing being changed (its type is fixed). */
  editing?: FilingDetail | undefined;
  /** Edit mode inside the profile's change lock: the override fields are shown and sent. */
  lockMessage?: string | undefined;
  /** Sends the checked request (filing.create, or filing.update with the override). */
  save: (request: RequestOf<'filing.create'>, override: OverrideValues | undefined) => Promise<{ ok: true; value: ResponseOf<'filing.create'> } | Failure>;
  onSaved: (saved: FilingSaved) => void;
  onCancel: () => void;
  /** Ctrl+N: a fresh form (new filings only). */
  onNew?: (() => void) | undefined;
  title?: string | undefined;
  /** The lock override's reviewers (workflow.reviewers). */
  reviewers?: readonly { id: string; displayName: string }[] | undefined;
}

export interface OverrideValues {
  reason: string;
  reviewerId: string;
}

/**
 * The evaluation's errors a save may leave for later (as the service does, main/services/filings.ts):
 * materials and the profile's extra required fields still to hand in. Anything else refuses the save
 * (the form is stricter than the service about a refused 承诺书).
 */
export function blockingIssues(evaluation: FilingEvaluation, profile: PolicyProfile, type: FilingType | undefined): string[] {
  const required = new Set((type ? (profile.types[type]?.requiredFields ?? []) : []).map((f) => `details.${f.field}`));
  // A refused 承诺书 (not accepted for the type, or on a retroactive filing) is a refusal, not a missing item.
  const outstanding = (field: string) => (field.startsWith('materials.') && field !== 'materials.personal_commitment') || required.has(field);
  return evaluation.errors.filter((e) => !(e.field && outstanding(e.field))).map((e) => e.message);
}

const isNewTab = (e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'n';

export function FilingForm(props: FilingFormProps) {
  const { policy, initialValues, editing, lockMessage, save, onSaved, onCancel, onNew, title, reviewers } = props;
  const { profile } = policy;
  const [form] = Form.useForm<FilingFormValues>();
  const { modal } = App.useApp();
  const type = (Form.useWatch('type', form) as FilingType | undefined) ?? initialValues.type;
  const filedByAgent = Form.useWatch('filedByAgent', form) === true;
  const set = useMemo(() => (type ? fieldSetFor(type, profile) : null), [type, profile]);
  const typePolicy = type ? profile.types[type] : undefined;
  const typeLabel = type ? typeLabelOf(type, profile) : '';
  const names = useMemo(() => [...(set ? allControlNames(set) : ['type']), 'override.reason', 'override.reviewerId'], [set]);
  const failure = useFormFailure(form as FormInstance, FILING_FORM, names);
  const live = useEvaluation(() => form.getFieldsValue(true) as FilingFormValues, editing?.localNo);
  const lookup = usePersonLookup(form);
  const [saving, setSaving] = useState(false);
  const [refusedNotice, setRefusedNotice] = useState<string[] | null>(null);
  const [inOptional, setInOptional] = useState(false);
  const busy = useRef(false);

  const values = () => form.getFieldsValue(true) as FilingFormValues;
  const { schedule } = live;
  useEffect(() => {
    schedule();
  }, [schedule]);

  const submit = useCallback(async () => {
    if (busy.current) return;
    const current = values();
    const request = toFilingRequest(current);
    const override = lockMessage ? { reason: String(current.override?.reason ?? '').trim(), reviewerId: String(current.override?.reviewerId ?? '') } : undefined;
    busy.current = true;
    setSaving(true);
    try {
      if (!request.ok) {
        failure.show(placeFailure(request));
        const evaluation = await live.evaluateNow(current);
        setRefusedNotice(evaluation ? [...new Set([...evaluation.notice.items])] : []);
        return;
      }
      const evaluation = await live.evaluateNow(current);
      const blocking = evaluation ? blockingIssues(evaluation, profile, current.type) : [];
      if (evaluation && blocking.length) {
        const fields: Record<string, string> = {};
        for (const e of evaluation.errors) if (e.field && blocking.includes(e.message) && !(e.field in fields)) fields[e.field] = e.message;
        failure.show(placeFailure({ ok: false, code: 'BUSINESS_RULE', message: blocking.join('；'), fields }));
        setRefusedNotice(evaluation.notice.items);
        return;
      }
      const result = await save(request.value, override);
      if (!result.ok) {
        failure.show(placeFailure(result));
        const again = await live.evaluateNow(current);
        setRefusedNotice(again?.notice.items ?? []);
        return;
      }
      failure.clear();
      setRefusedNotice(null);
      onSaved({ filing: result.value, outstanding: evaluation?.notice.items ?? [], typeLabel });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [failure, live, lockMessage, onSaved, profile, save, typeLabel]);

  const mainFields = set ? mainEntry(set, filedByAgent) : [{ name: 'type', kind: 'choice' as const }];
  const optionalFields = set ? optionalEntry(set, filedByAgent) : [];
  const keyboard = useKeyboardEntry({
    formName: FILING_FORM,
    fields: inOptional ? optionalFields : mainFields,
    submit: () => void submit(),
    isEmpty: (name) => {
      if (/^details\.(diagnosis|[a-zA-Z]*Institution)/.test(name)) return false; // search boxes: Enter moves on
      const v: unknown = form.getFieldValue(pathOf(name));
      return v === undefined || v === null || v === '';
    },
    scan: {
      target: 'certNo',
      from: ['type', 'insuranceType', 'certType'],
      start: (char) => {
        form.setFieldValue('certNo', char);
        lookup.reset();
      },
    },
  });

  /** Enter on 个人编号 asks the platform first, then moves on (to 开始日期 when the person was found). */
  function onKeyDownCapture(e: KeyboardEvent<HTMLElement>) {
    if (isNewTab(e) && onNew) {
      e.preventDefault();
      e.stopPropagation();
      startOver();
      return;
    }
    const target = e.target as HTMLElement;
    const plainEnter = e.key === 'Enter' && !e.nativeEvent.isComposing && !e.shiftKey && !e.ctrlKey && !e.altKey;
    const socialCard = form.getFieldValue('certType') === 'social_security_card';
    if (plainEnter && socialCard && target.id === fieldId(FILING_FORM, 'certNo')) {
      // A social-security card is looked up with its 卡识别码: take that first.
      e.preventDefault();
      e.stopPropagation();
      document.getElementById(fieldId(FILING_FORM, 'cardSerial'))?.focus();
      return;
    }
    const lookupField = fieldId(FILING_FORM, socialCard ? 'cardSerial' : 'certNo');
    if (plainEnter && target.id === lookupField && lookup.state.status !== 'looking') {
      e.preventDefault();
      e.stopPropagation();
      void lookup.lookUp().then((found) => {
        const next = found ? 'startDate' : 'personName';
        document.getElementById(fieldId(FILING_FORM, next))?.focus();
        schedule();
      });
      return;
    }
    keyboard.onKeyDownCapture(e);
  }

  // Ctrl+N: a fresh form; what was typed is only dropped after the operator confirms.
  const confirming = useRef(false);
  const startOverRef = useRef<() => void>(() => {});
  function startOver() {
    if (!onNew || confirming.current) return;
    if (!form.isFieldsTouched()) return onNew();
    confirming.current = true;
    modal.confirm({
      title: '放弃当前填写的内容，新建一份备案？',
      content: '未保存的内容不会保留。',
      okText: '新建',
      cancelText: '继续填写',
      onOk: onNew,
      afterClose: () => {
        confirming.current = false;
      },
    });
  }
  useEffect(() => {
    startOverRef.current = startOver;
  });
  // Also when focus is outside the form (where the browser leaves Ctrl+N to the page).
  useEffect(() => {
    if (!onNew) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isNewTab(e)) return;
      e.preventDefault();
      startOverRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNew]);

  function onValuesChange(changed: Partial<FilingFormValues> & Record<string, unknown>) {
    failure.onValuesChange(changed);
    if ('type' in changed) {
      // Another type has other fields: keep the person, start its details and materials afresh.
      const next = changed.type as FilingType | undefined;
      const own = policy.institution;
      form.setFieldsValue({ endDate: null, materials: [] });
      form.setFieldValue('details', {
        personNo: form.getFieldValue(['details', 'personNo']) as unknown,
        insuredRegion: form.getFieldValue(['details', 'insuredRegion']) as unknown,
        ...(next && REFERRAL_LIKE.includes(next) && own ? { transferringInstitution: { code: own.code, name: own.name } } : {}),
      });
      setRefusedNotice(null);
    }
    if ('certNo' in changed || 'certType' in changed || 'cardSerial' in changed) lookup.reset();
    if (changed.filedByAgent === true && !form.getFieldValue(['agent', 'certType'])) form.setFieldValue(['agent', 'certType'], 'resident_id');
    schedule();
  }

  const typeOptions = policy.types.map((t) => ({ value: t.type, label: t.label }));
  const evaluation = live.evaluation;
  const endDateRule = evaluation?.policy.endDateRule ?? null;
  const untilDischarge = typePolicy?.endDate.rule === 'until_discharge';
  const defaultEnd = evaluation?.defaults.endDate;
  const endPlaceholder = untilDischarge ? '出院结算时填写' : defaultEnd ? `默认 ${defaultEnd}` : typePolicy?.endDate.rule === 'open' ? '长期有效' : '按政策自动计算';

  return (
    <div onKeyDownCapture={onKeyDownCapture}>
      <Form<FilingFormValues>
        form={form}
        name={FILING_FORM}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void submit()}
        onValuesChange={onValuesChange}
        requiredMark
      >
        <Row gutter={16} align="top">
          <Col xs={24} xl={16}>
            <Card
              title={title ?? (typeLabel ? `新增备案 · ${typeLabel}` : '新增备案')}
              extra={<Typography.Text type="secondary">Enter 下一项 · Ctrl+S 保存{onNew ? ' · Ctrl+N 新建' : ''}</Typography.Text>}
            >
              <FailureAlert failure={failure.failure} extra={failure.unplaced} />
              {refusedNotice && <OneTimeNotice reason="refused" items={refusedNotice} personName={form.getFieldValue('personName') as string | undefined} typeLabel={typeLabel} />}
              {lockMessage && <LockOverride message={lockMessage} reviewers={reviewers ?? []} />}
              <Row gutter={24}>
                <Col xs={24} md={12}>
                  <Form.Item name="type" label="备案类型" required extra={type ? `${FILING_CLASS_LABELS[FILING_CLASS_OF[type]]}${endDateRule ? ` · 有效期：${endDateRule}` : ''}` : '按本机构政策配置列出可办理的类型'}>
                    <Select options={typeOptions} placeholder="请选择备案类型" showSearch={{ optionFilterProp: 'label' }} disabled={editing !== undefined} autoFocus={!initialValues.type} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="政策配置">
                    <Space wrap>
                      <Tag>{profile.name}</Tag>
                      {profile.review.required && <Tag color="gold">保存后需复核</Tag>}
                    </Space>
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                参保人
              </Typography.Title>
              <PersonSection
                lookup={lookup.state}
                onLookUp={() => void lookup.lookUp().then(() => schedule())}
                excludedInsurance={typePolicy?.notForInsurance?.insuranceTypes ?? []}
                autoFocus={initialValues.type !== undefined && editing === undefined}
              />
              {set && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 8 }}>
                    备案信息
                  </Typography.Title>
                  <Row gutter={24}>
                    <Col xs={24} md={12}>
                      <Form.Item name="startDate" label="开始日期" required>
                        <CstDatePicker />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name="endDate" label="结束日期" extra={untilDischarge ? '结束日期为空，结算时以出院日期填写' : '不填则按政策默认'}>
                        <DatePicker disabled={untilDischarge} placeholder={endPlaceholder} format="YYYY-MM-DD" style={{ width: '100%' }} aria-label="结束日期" />
                      </Form.Item>
                    </Col>
                    {set.main.map((f) => (
                      <FieldControl key={f.key} field={f} form={form} profile={profile} />
                    ))}
                  </Row>
                  <AgentSection form={form} profile={profile} />
                  {set.optional.length > 0 && (
                    <div onFocusCapture={() => setInOptional(true)} onBlurCapture={() => setInOptional(false)} data-testid="optional-fields">
                      <Typography.Title level={5} style={{ marginTop: 8 }}>
                        选填信息
                      </Typography.Title>
                      <Row gutter={24}>
                        {set.optional.map((f) => (
                          <FieldControl key={f.key} field={f} form={form} profile={profile} />
                        ))}
                      </Row>
                    </div>
                  )}
                  <MaterialsSection policy={typePolicy} />
                  <Form.Item name="retroactive" valuePropName="checked" extra={profile.retroactive.advisory}>
                    <Checkbox>自费结算后补办</Checkbox>
                  </Form.Item>
                </>
              )}
              <Space>
                <Button type="primary" htmlType="submit" loading={saving} disabled={!type}>
                  保存（Ctrl+S）
                </Button>
                <Button onClick={onCancel}>{editing ? '取消' : '返回列表'}</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <PolicyFeedback evaluation={evaluation} failure={live.failure} profileName={profile.name} />
            {evaluation && !refusedNotice && evaluation.notice.items.length > 0 && (
              <div style={{ marginTop: 16 }}>
                <OneTimeNotice reason="outstanding" items={evaluation.notice.items} personName={form.getFieldValue('personName') as string | undefined} typeLabel={typeLabel} />
              </div>
            )}
          </Col>
        </Row>
      </Form>
    </div>
  );
}

/** Inside the profile's change lock: the lock's message, a reason and a second person (复核人). */
function LockOverride({ message, reviewers }: { message: string; reviewers: readonly { id: string; displayName: string }[] }) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="change-lock"
      style={{ marginBottom: 16 }}
      title="变更限制期内"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{message}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name={['override', 'reason']} label="提前变更理由" required style={{ marginBottom: 0 }}>
                <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 3 }} placeholder="写明客观原因（至少4个字）" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name={['override', 'reviewerId']} label="复核人" required style={{ marginBottom: 0 }}>
                <Select options={reviewers.map((r) => ({ value: r.id, label: r.displayName }))} placeholder="请选择复核人（不能是本人）" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
          </Row>
        </>
      }
    />
  );
}
