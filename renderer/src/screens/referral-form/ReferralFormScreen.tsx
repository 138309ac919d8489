import { Card } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { ReferralForm } from './ReferralForm';
import { SavedNotice } from './SavedNotice';

/** The form, then what was saved; 继续新增 starts a fresh form (a new key drops the old state). */
export function ReferralFormScreen({ onDone }: { onDone: () => void }) {
  const [saved, setSaved] = useState<ResponseOf<'filing.create'> | null>(null);
  const [round, setRound] = useState(0);
  if (saved) {
    return (
      <Card>
        <SavedNotice
          filing={saved}
          onList={onDone}
          onAnother={() => {
            setSaved(null);
            setRound((r) => r + 1);
          }}
        />
      </Card>
    );
  }
  return <ReferralForm key={round} onSaved={setSaved} onCancel={onDone} />;
}
