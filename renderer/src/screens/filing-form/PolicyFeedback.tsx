// The policy engine's live answer beside the form (filing.evaluate): what blocks saving, warnings,
// the computed end date, deadlines and the profile's rules for this type.
import { Alert, Card, Descriptions, List, Tag, Typography } from 'antd';
import type { FilingEvaluation } from '../../../../shared/domain/policy';

export interface PolicyFeedbackProps {
  evaluation: FilingEvaluation | null;
  failure: string | null;
  profileName: string;
}

export function endDateText(evaluation: FilingEvaluation): string {
  const end = evaluation.defaults.endDate;
  if (end) return end;
  return evaluation.policy.endDateRule ?? '—';
}

export function PolicyFeedback({ evaluation, failure, profileName }: PolicyFeedbackProps) {
  // What is missing goes to the 一次性告知; here only what the desk typed wrong (a check digit, a phone).
  const corrections = evaluation ? [...new Set(evaluation.errors.map((e) => e.message).filter((m) => !evaluation.notice.items.includes(m)))] : [];
  return (
    <Card size="small" title="政策校验" data-testid="policy-feedback" extra={<Typography.Text type="secondary">{profileName}</Typography.Text>}>
      {failure && <Alert type="warning" showIcon title={`暂时无法校验：${failure}`} style={{ marginBottom: 8 }} />}
      {!evaluation ? (
        <Typography.Text type="secondary">填写后自动按本机构的政策配置校验</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'type', label: '备案类型', children: evaluation.policy.typeLabel ?? '未选择' },
              {
                key: 'end',
                label: '结束日期',
                children: <span data-testid="computed-end-date">{endDateText(evaluation)}</span>,
              },
              { key: 'rule', label: '有效期', children: evaluation.policy.endDateRule ?? '—' },
              {
                key: 'lock',
                label: '变更限制',
                children: evaluation.policy.changeLockMonths ? `开始后${evaluation.policy.changeLockMonths}个月内原则上不得变更或取消` : '无',
              },
              ...(evaluation.policy.settlementLimit
                ? [
                    {
                      key: 'settle',
                      label: '结算次数',
                      children: `门诊${evaluation.policy.settlementLimit.outpatient}次、住院${evaluation.policy.settlementLimit.inpatient}次`,
                    },
                  ]
                : []),
              { key: 'review', label: '复核', children: evaluation.policy.reviewRequired ? '保存后需复核通过才上传' : '无需复核' },
            ]}
          />
          {evaluation.deadlines.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>办理时限</Typography.Text>}
              dataSource={evaluation.deadlines}
              renderItem={(d) => (
                <List.Item>
                  {d.label}：{d.date} {d.overdue ? <Tag color="error">已超期</Tag> : null}
                </List.Item>
              )}
            />
          )}
          <IssueList title={`需更正（${corrections.length}）`} testId="policy-errors" type="error" messages={corrections} />
          {evaluation.notice.items.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              尚缺 {evaluation.notice.items.length} 项，见下方一次性告知
            </Typography.Paragraph>
          )}
          <IssueList title={`提示（${evaluation.warnings.length}）`} testId="policy-warnings" type="warning" messages={evaluation.warnings.map((w) => w.message)} />
        </>
      )}
    </Card>
  );
}

function IssueList({ title, messages, type, testId }: { title: string; messages: string[]; type: 'error' | 'warning'; testId: string }) {
  if (!messages.length) return null;
  return (
    <div data-testid={testId} style={{ marginTop: 8 }}>
      <Typography.Text strong type={type === 'error' ? 'danger' : 'warning'}>
        {title}
      </Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {messages.map((m) => (
          <li key={m}>
            <Typography.Text type={type === 'error' ? 'danger' : 'warning'}>{m}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
