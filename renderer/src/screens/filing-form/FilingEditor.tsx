// 修改备案: the same form for a saved filing (filing.get), saved with filing.update. Inside the
// profile's change lock (checkChangeAllowed, action 'edit') the form asks for the override the
// service requires: a reason and a second person (workflow.reviewers). For the filing detail and
// the queue's rejected-filing dialog.
import { Alert, Card, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { FilingDetail } from '../../../../shared/domain/filing';
import { checkChangeAllowed } from '../../../../shared/domain/policy';
import { businessDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/ApiContext';
import { FilingForm } from './FilingForm';
import { typeLabelOf } from './fieldSets';
import { valuesFromDetail } from './formValues';
import { SavedNotice } from './SavedNotice';
import { useDeskPolicy, type DeskPolicy } from './useDeskPolicy';

export interface FilingEditorProps {
  filingId: string;
  /** Called with the updated filing once the operator leaves the saved notice (or at once with `closeOnSave`). */
  onSaved: (filing: ResponseOf<'filing.update'>) => void;
  onCancel: () => void;
  /** Skip the saved notice (e.g. inside a dialog that closes on save). */
  closeOnSave?: boolean;
}

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; filing: FilingDetail; reviewers: { id: string; displayName: string }[] };

export function FilingEditor(props: FilingEditorProps) {
  const policy = useDeskPolicy();
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('filing.get', { id: props.filingId }), api.invoke('workflow.reviewers', {})]).then(([filing, reviewers]) => {
      if (!live) return;
      if (!filing.ok) return setLoaded({ status: 'failed', message: filing.message });
      setLoaded({ status: 'ready', filing: filing.value, reviewers: reviewers.ok ? reviewers.value : [] });
    });
    return () => {
      live = false;
    };
  }, [api, props.filingId]);

  if (policy.status === 'failed') return <Alert type="error" showIcon title={`无法读取本机构的政策配置：${policy.message}`} />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={loaded.message} />;
  if (policy.status === 'loading' || loaded.status === 'loading') return <Spin />;
  return <EditFiling {...props} policy={policy.policy} filing={loaded.filing} reviewers={loaded.reviewers} />;
}

function EditFiling({
  filing,
  policy,
  reviewers,
  onSaved,
  onCancel,
  closeOnSave,
}: FilingEditorProps & { filing: FilingDetail; policy: DeskPolicy; reviewers: { id: string; displayName: string }[] }) {
  const api = useApi();
  const [saved, setSaved] = useState<Parameters<typeof SavedNotice>[0]['saved'] | null>(null);
  const initial = useMemo(() => valuesFromDetail(filing), [filing]);
  const lock = useMemo(() => checkChangeAllowed(filing, { profile: policy.profile, today: businessDate(new Date()), action: 'edit' }), [filing, policy]);
  // A type the profile no longer offers is still editable: list it so the picker can show it.
  const withOwnType = policy.types.some((t) => t.type === filing.type)
    ? policy
    : { ...policy, types: [...policy.types, { type: filing.type, label: typeLabelOf(filing.type, policy.profile) }] };

  if (!lock.allowed && lock.reason === 'voided') return <Alert type="error" showIcon title={lock.message} />;
  if (saved) {
    return (
      <Card>
        <SavedNotice saved={saved} title="备案已修改" listLabel="完成" onList={() => onSaved(saved.filing)} />
      </Card>
    );
  }
  return (
    <FilingForm
      policy={withOwnType}
      initialValues={initial}
      editing={filing}
      lockMessage={lock.allowed ? undefined : lock.message}
      reviewers={reviewers}
      title={`修改备案 · ${filing.localNo}`}
      save={(request, override) => api.invoke('filing.update', { id: filing.id, filing: request, ...(override ? { override } : {}) })}
      onSaved={(s) => (closeOnSave ? onSaved(s.filing) : setSaved(s))}
      onCancel={onCancel}
    />
  );
}
