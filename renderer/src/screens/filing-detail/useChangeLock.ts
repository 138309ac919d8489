// Whether the institution's change lock (policy profile: national long-term 6 months, Ganzhou one
// year, Hefei none) applies to editing or voiding a filing today. The main side checks again and is
// the authority; the screen asks first so the override fields (reason + 复核人) are there from the start.
import { useEffect, useState } from 'react';
import type { FilingSummary } from '../../../../shared/domain/filing';
import { checkChangeAllowed, POLICY_PROFILES, type ChangeAction, type ChangeCheck } from '../../../../shared/domain/policy';
import { businessDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/ApiContext';

export type LockState = { loading: true } | { loading: false; check: ChangeCheck | null };

type Target = Pick<FilingSummary, 'type' | 'startDate' | 'status' | 'localNo'>;

export function useChangeLock(filing: Target | null, action: ChangeAction): LockState {
  const api = useApi();
  const [state, setState] = useState<LockState>({ loading: true });
  const key = filing ? `${filing.localNo}|${filing.type}|${filing.startDate}|${filing.status}` : null;

  useEffect(() => {
    if (!filing) return setState({ loading: false, check: null });
    let live = true;
    setState({ loading: true });
    void api.invoke('settings.policy.get', {}).then((r) => {
      if (!live) return;
      // Without the profile the main side still enforces the lock; the screen then shows its message.
      if (!r.ok) return setState({ loading: false, check: null });
      const profile = POLICY_PROFILES[r.value.profileId];
      setState({ loading: false, check: checkChangeAllowed(filing, { profile, today: businessDate(new Date()), action }) });
    });
    return () => {
      live = false;
    };
    // Once per filing and action.
  }, [api, key, action]);

  return state;
}

/** The lock's explanation when it applies and needs an override; null otherwise. */
export function lockNotice(state: LockState): string | null {
  if (state.loading || !state.check || state.check.allowed || state.check.reason !== 'locked') return null;
  return state.check.message;
}
