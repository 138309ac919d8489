// What the form needs from the desk before it can show fields: the institution's policy profile
// (settings.policy.get; the rules themselves are data in shared/domain/policy) and the institution
// (the default 转出医疗机构 of a referral).
import { useEffect, useState } from 'react';
import type { InstitutionDto, PolicyProfileDto } from '../../../../shared/contract';
import { POLICY_PROFILES, type PolicyProfile } from '../../../../shared/domain/policy';
import { useApi } from '../../api/ApiContext';

export interface DeskPolicy {
  profile: PolicyProfile;
  /** The types the profile offers, with the profile's own labels (sub-types included). */
  types: PolicyProfileDto['types'];
  institution: InstitutionDto | null;
}

export type DeskPolicyState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; policy: DeskPolicy };

export function useDeskPolicy(): DeskPolicyState {
  const api = useApi();
  const [state, setState] = useState<DeskPolicyState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('settings.policy.get', {}), api.invoke('app.info', {})]).then(([policy, info]) => {
      if (!live) return;
      if (!policy.ok) return setState({ status: 'failed', message: policy.message });
      setState({
        status: 'ready',
        policy: {
          profile: POLICY_PROFILES[policy.value.profileId],
          types: policy.value.profile.types,
          institution: info.ok ? info.value.institution : null,
        },
      });
    });
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
