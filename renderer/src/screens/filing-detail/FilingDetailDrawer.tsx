// 备案详情: every field of a filing, where it stands with the platform (upload state, serial, the
// platform's last refusal), with 复核 (state, return reason), the person's platform verification
// where the desk checks it, where it came from (窗口录入, 补录 or 导入 with the paper number / old id and
// the original date), and the 办理记录 timeline. Actions by role and state: 修改 (what it
// means now is said on screen: editPath), 作废, 打印, and for reviewers 复核通过 / 退回.
import { Alert, App, Button, Descriptions, Divider, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OperatorDto } from '../../../../shared/contract';
import type { TimelineEntryDto } from '../../../../shared/contract/areas/workflow';
import { FILING_TYPE_LABELS, REVIEW_STATUS_LABELS, type FilingDetail } from '../../../../shared/domain/filing';
import { canCall } from '../../api/access';
import { useApi } from '../../api/ApiContext';
import { UploadStateTag } from '../../components/UploadStateTag';
import { formatDateTime } from '../../format/dates';
import { PrintDialog } from '../print/PrintDialog';
import { VoidFilingDialog } from '../filing-list/VoidFiling';
import { ReturnDialog } from '../review/ReturnDialog';
import { editPath } from './editPath';
import { EditFilingDialog } from './EditFilingDialog';
import { detailRows, fieldValue } from './fieldLabels';
import { FilingTimeline } from './FilingTimeline';
import { OriginDetail } from './OriginTag';
import { useFilingDetail } from './useFilingDetail';

const REVIEW_COLORS: Record<string, string> = { none: 'default', pending_review: 'gold', approved: 'success', returned: 'orange' };

/** The platform's (or the desk's) last refusal of the upload, with its queue entry for resubmitting. */
export function lastRefusal(timeline: TimelineEntryDto[] | null): { message: string; entryId: string } | null {
  const refusal = [...(timeline ?? [])].reverse().find((e) => e.attempt?.outcome === 'rejected' || e.attempt?.outcome === 'local_rejected');
  if (!refusal?.attempt) return null;
  const message = refusal.detail?.split('；')[0] ?? '平台未说明原因';
  return { message, entryId: refusal.attempt.entryId };
}

export interface FilingDetailDrawerProps {
  filingId: string | null;
  operator: OperatorDto;
  onClose: () => void;
  /** 复核 actions (the review inbox opens the drawer with them). */
  review?: boolean;
  /** After 作废后重新备案 of an uploaded filing: start the corrected filing (新增备案). */
  onRefile?: (() => void) | undefined;
}

export function FilingDetailDrawer({ filingId, operator, onClose, review = false, onRefile }: FilingDetailDrawerProps) {
  const { filing, timeline, verification, error, loading } = useFilingDetail(filingId);
  const shown = filing && filing.id === filingId ? filing : null;
  return (
    <Drawer
      open={filingId !== null}
      onClose={onClose}
      size={920}
      destroyOnHidden
      title={shown ? `备案详情：${shown.localNo} ${shown.personName}` : '备案详情'}
      extra={shown && <Actions filing={shown} timeline={timeline} operator={operator} review={review} onRefile={onRefile} />}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!shown && loading && <Spin description="正在读取备案…" />}
      {shown && (
        <div data-testid="filing-detail">
          <StateAlerts filing={shown} timeline={timeline} />
          <Descriptions size="small" bordered column={2} title="基本信息" items={basicItems(shown, timeline)} />
          <Divider />
          <Descriptions
            size="small"
            bordered
            column={1}
            title="备案内容"
            items={detailRows(shown.details, shown.type).map((r) => ({ key: r.path, label: r.label, children: r.value }))}
          />
          {verification && (
            <>
              <Divider />
              <Verification verification={verification} />
            </>
          )}
          <Divider />
          <Typography.Title level={5}>办理记录</Typography.Title>
          {timeline ? <FilingTimeline entries={timeline} type={shown.type} /> : <Spin />}
        </div>
      )}
    </Drawer>
  );
}

function basicItems(f: FilingDetail, timeline: TimelineEntryDto[] | null) {
  const creator = timeline?.find((e) => e.kind === 'created')?.actor ?? null;
  return [
    { key: 'type', label: '备案类型', children: FILING_TYPE_LABELS[f.type], span: 2 },
    { key: 'personName', label: '姓名', children: f.personName },
    { key: 'insuranceType', label: '险种类别', children: fieldValue('insuranceType', f.insuranceType) },
    { key: 'certType', label: '证件类型', children: fieldValue('certType', f.certType) },
    { key: 'certNo', label: '证件号码', children: f.certNo },
    { key: 'startDate', label: '开始日期', children: f.startDate },
    { key: 'endDate', label: '终止日期', children: f.endDate ?? (f.type === 'referral' ? '出院结算时填写' : '长期有效') },
    {
      key: 'status',
      label: '备案状态',
      children: f.status === 'voided' ? <Tag color="red">已作废</Tag> : <Tag color="blue">有效</Tag>,
    },
    { key: 'uploadState', label: '上传状态', children: <UploadStateTag state={f.uploadState} /> },
    {
      key: 'serial',
      label: '平台流水号',
      children: f.platformSerial ? (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="platform-serial">
          {f.platformSerial}
        </Typography.Text>
      ) : f.uploadState === 'uploaded' ? (
        <Tag color="orange">已上传，流水号待补</Tag>
      ) : (
        '尚未上传'
      ),
      span: 2,
    },
    {
      key: 'review',
      label: '复核',
      children: <Tag color={REVIEW_COLORS[f.reviewStatus ?? 'none']}>{REVIEW_STATUS_LABELS[f.reviewStatus ?? 'none']}</Tag>,
    },
    { key: 'creator', label: '经办人', children: creator ?? '—' },
    { key: 'createdAt', label: '经办时间', children: formatDateTime(f.createdAt) },
    { key: 'updatedAt', label: '最后修改', children: formatDateTime(f.updatedAt) },
    { key: 'filingDate', label: '备案日期', children: f.filingDate ?? '—' },
    { key: 'origin', label: '备案来源', children: <OriginDetail f={f} /> },
  ];
}

/** What needs the operator's attention first: a return reason, the platform's refusal, a void. */
function StateAlerts({ filing, timeline }: { filing: FilingDetail; timeline: TimelineEntryDto[] | null }) {
  const refusal = filing.uploadState === 'rejected' ? lastRefusal(timeline) : null;
  const path = editPath(filing);
  return (
    <>
      {filing.reviewStatus === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="复核退回，请按原因修改后重新提交"
          description={filing.reviewNote ?? '复核员未说明原因'}
          data-testid="return-reason"
        />
      )}
      {filing.reviewStatus === 'pending_review' && filing.status === 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="待复核：复核通过后才排队上传到医保平台" />
      )}
      {refusal && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="上传被退回" description={refusal.message} data-testid="platform-refusal" />
      )}
      {filing.status === 'voided' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该备案已作废" />}
      {(path.kind === 'refile' || path.kind === 'wait') && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="如需修改" description={path.text} data-testid="edit-path" />}
    </>
  );
}

function Verification({ verification }: { verification: NonNullable<ReturnType<typeof useFilingDetail>['verification']> }) {
  const color = verification.state === 'verified' ? 'success' : verification.state === 'pending' || verification.state === 'not_needed' ? 'default' : 'error';
  return (
    <div data-testid="person-verification">
      <Typography.Title level={5}>
        参保人核验 <Tag color={color}>{verification.stateLabel}</Tag>
      </Typography.Title>
      {verification.checkedAt && <Typography.Paragraph type="secondary">核验时间 {formatDateTime(verification.checkedAt)}</Typography.Paragraph>}
      {verification.lastError && <Alert type="warning" showIcon title={verification.lastError} style={{ marginBottom: 8 }} />}
      {verification.mismatches.length > 0 && (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={verification.mismatches}
          columns={[
            { title: '项目', dataIndex: 'label' },
            { title: '录入', dataIndex: 'entered', render: (v: string | null) => v ?? '—' },
            { title: '医保平台', dataIndex: 'platform', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </div>
  );
}

function Actions({
  filing,
  timeline,
  operator,
  review,
  onRefile,
}: {
  filing: FilingDetail;
  timeline: TimelineEntryDto[] | null;
  operator: OperatorDto;
  review: boolean;
  onRefile: (() => void) | undefined;
}) {
  const api = useApi();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [returning, setReturning] = useState(false);
  const [approving, setApproving] = useState(false);
  const path = editPath(filing);
  const active = filing.status === 'active';
  const canEdit = canCall(operator.role, 'filing.update') && path.editable;
  const canVoid = canCall(operator.role, 'filing.void') && active;
  const canReview = review && canCall(operator.role, 'review.approve') && active && filing.reviewStatus === 'pending_review';
  const refusal = filing.uploadState === 'rejected' ? lastRefusal(timeline) : null;

  async function approve() {
    setApproving(true);
    const r = await api.invoke('review.approve', { id: filing.id });
    setApproving(false);
    if (!r.ok) return void message.error(r.message);
    message.success(`备案 ${filing.localNo} 复核通过，已排队上传`);
  }

  return (
    <>
      <Space wrap>
        {canReview && (
          <>
            <Button type="primary" loading={approving} onClick={() => void approve()}>
              复核通过
            </Button>
            <Button danger onClick={() => setReturning(true)}>
              退回
            </Button>
          </>
        )}
        {canCall(operator.role, 'filing.update') && active && (
          <Button type={canReview ? 'default' : 'primary'} disabled={!canEdit} title={path.text} onClick={() => setEditing(true)}>
            {path.kind === 'edit_resubmit' ? '修改并重新提交' : '修改'}
          </Button>
        )}
        {canVoid && (
          <Button danger onClick={() => setVoiding(true)}>
            {path.kind === 'refile' ? '作废后重新备案' : '作废'}
          </Button>
        )}
        <Button onClick={() => setPrinting(true)}>打印</Button>
      </Space>
      <EditFilingDialog filing={editing ? filing : null} refusal={refusal?.message} onClose={() => setEditing(false)} />
      <VoidFilingDialog
        filing={voiding ? filing : null}
        operatorId={operator.id}
        formName="detailVoid"
        onClose={() => setVoiding(false)}
        onVoided={() => {
          if (path.kind === 'refile') onRefile?.();
        }}
      />
      <PrintDialog filingId={printing ? filing.id : null} onClose={() => setPrinting(false)} />
      <ReturnDialog filing={returning ? filing : null} onClose={() => setReturning(false)} />
    </>
  );
}
