// 新增备案: the profile's types, the form, then what was saved; 继续新增 / Ctrl+N starts a fresh
// form (a new key drops the old state) with the same type.
import { Alert, Card, Spin } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { FilingType } from '../../../../shared/domain/filing';
import { REFERRAL_LIKE } from '../../../../shared/domain/filing-types';
import { useApi } from '../../api/ApiContext';
import { FilingForm, type FilingSaved } from './FilingForm';
import { initialValues } from './formValues';
import { SavedNotice } from './SavedNotice';
import { useDeskPolicy, type DeskPolicy } from './useDeskPolicy';

/** The type a new form starts with: the referral where the profile offers it (a hospital desk's usual filing), else the first offered. */
export function defaultType(policy: DeskPolicy): FilingType | undefined {
  const offered = policy.types.map((t) => t.type);
  return offered.includes('referral') ? 'referral' : offered[0];
}

export function FilingFormScreen({ onDone }: { onDone: () => void }) {
  const state = useDeskPolicy();
  if (state.status === 'loading') return <Spin />;
  if (state.status === 'failed') return <Alert type="error" showIcon title={`无法读取本机构的政策配置：${state.message}`} />;
  return <NewFiling policy={state.policy} onDone={onDone} />;
}

function NewFiling({ policy, onDone }: { policy: DeskPolicy; onDone: () => void }) {
  const api = useApi();
  const [saved, setSaved] = useState<FilingSaved | null>(null);
  const [round, setRound] = useState(0);
  const [type, setType] = useState<FilingType | undefined>(() => defaultType(policy));
  const start = useMemo(() => {
    const values = initialValues(new Date(), type);
    const own = policy.institution;
    if (type && REFERRAL_LIKE.includes(type) && own) values.details = { transferringInstitution: { code: own.code, name: own.name } };
    return values;
    // `round`: each 继续新增 starts from today's date again.
  }, [round, type, policy]);
  const another = useCallback(() => {
    setSaved(null);
    setRound((r) => r + 1);
  }, []);

  if (saved) {
    return (
      <Card>
        <SavedNotice saved={saved} onList={onDone} onAnother={another} />
      </Card>
    );
  }
  return (
    <FilingForm
      key={round}
      policy={policy}
      initialValues={start}
      save={(request) => api.invoke('filing.create', request)}
      onSaved={(s) => {
        setType(s.filing.type);
        setSaved(s);
      }}
      onCancel={onDone}
      onNew={another}
    />
  );
}
