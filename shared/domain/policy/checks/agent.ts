// 代办人 details when someone files for the insured person.
import { agentDetails } from '../../filing-types/agent';
import type { FilingDraft } from '../draft';
import { dropBlanks, type Findings, parseInto } from '../findings';
import type { PolicyProfile } from '../types';

export function checkAgent(findings: Findings, profile: PolicyProfile, draft: FilingDraft, personCertNo?: string): void {
  if (draft.filedByAgent !== true) return;
  if (!profile.agent.allowed) {
    findings.error('refused', 'filedByAgent', `${profile.name}不办理代办备案，请参保人本人办理`, profile.agent.source);
    return;
  }
  const input = dropBlanks(draft.agent);
  parseInto(findings, agentDetails, input, 'agent', profile.agent.source);
  const agentCertNo = typeof input.certNo === 'string' ? input.certNo.trim().toUpperCase() : undefined;
  if (agentCertNo && personCertNo && agentCertNo === personCertNo) {
    findings.error('invalid', 'agent.certNo', '代办人证件号码与参保人相同：本人办理时请取消“代办”', profile.agent.source);
  }
}
