// One filing with its timeline and, where the desk checks persons entered by hand, its platform
// verification; reloaded whenever the main side says the filing changed (edits, review, uploads).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { TimelineEntryDto } from '../../../../shared/contract/areas/workflow';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';

export interface FilingDetailState {
  filing: ResponseOf<'filing.get'> | null;
  timeline: TimelineEntryDto[] | null;
  verification: ResponseOf<'person.verification'> | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useFilingDetail(id: string | null): FilingDetailState {
  const api = useApi();
  const [filing, setFiling] = useState<ResponseOf<'filing.get'> | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntryDto[] | null>(null);
  const [verification, setVerification] = useState<ResponseOf<'person.verification'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Only the latest load may write: an older, slower answer must not overwrite a newer one.
  const latest = useRef(0);

  const reload = useCallback(() => {
    if (!id) return;
    const ticket = ++latest.current;
    setLoading(true);
    void Promise.all([api.invoke('filing.get', { id }), api.invoke('filing.timeline', { id }), api.invoke('person.verification', { filingId: id })]).then(
      ([f, t, v]) => {
        if (ticket !== latest.current) return;
        setLoading(false);
        if (!f.ok) return setError(f.message);
        setFiling(f.value);
        setTimeline(t.ok ? t.value : null);
        // A filing without a hand-entered person has nothing to verify: the section is left out.
        setVerification(v.ok ? v.value : null);
        setError(t.ok ? null : t.message);
      },
    );
  }, [api, id]);

  useEffect(() => {
    setFiling(null);
    setTimeline(null);
    setVerification(null);
    setError(null);
    reload();
  }, [reload]);

  useDeskEvent('filing.changed', (p) => {
    if (p.id === id) reload();
  });

  return { filing, timeline, verification, error, loading, reload };
}
