// Live policy feedback: the draft goes to filing.evaluate a moment after the operator stops typing;
// an answer for an older draft never replaces a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FilingEvaluation } from '../../../../shared/domain/policy';
import { useApi } from '../../api/ApiContext';
import { toDraft, type FilingFormValues } from './formValues';

export const EVALUATE_DELAY_MS = 400;
/** While the operator keeps typing (or a card reader streams in), still check at least this often. */
export const EVALUATE_MAX_WAIT_MS = 1200;

/** `ownLocalNo`: when editing, the filing itself is not an overlap with itself. */
export function withoutSelf(evaluation: FilingEvaluation, ownLocalNo: string | undefined): FilingEvaluation {
  if (!ownLocalNo) return evaluation;
  const self = (m: string) => m.includes(ownLocalNo);
  return {
    ...evaluation,
    errors: evaluation.errors.filter((e) => !self(e.message)),
    notice: { items: evaluation.notice.items.filter((m) => !self(m)) },
  };
}

/** `read` gives the form's values when a check runs (picks set values without a change event). */
export function useEvaluation(read: () => FilingFormValues, ownLocalNo?: string) {
  const api = useApi();
  const [evaluation, setEvaluation] = useState<FilingEvaluation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingSince = useRef<number | null>(null);
  const reader = useRef(read);
  reader.current = read;

  const evaluateNow = useCallback(
    async (values: FilingFormValues): Promise<FilingEvaluation | null> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pendingSince.current = null;
      const mine = ++seq.current;
      const r = await api.invoke('filing.evaluate', toDraft(values));
      if (mine !== seq.current) return r.ok ? withoutSelf(r.value, ownLocalNo) : null;
      if (!r.ok) {
        setFailure(r.message);
        return null;
      }
      const value = withoutSelf(r.value, ownLocalNo);
      setFailure(null);
      setEvaluation(value);
      return value;
    },
    [api, ownLocalNo],
  );

  const schedule = useCallback(
    () => {
      const now = Date.now();
      // Past the longest wait, let the pending check run (it reads the latest values).
      if (timer.current && pendingSince.current !== null && now - pendingSince.current >= EVALUATE_MAX_WAIT_MS - EVALUATE_DELAY_MS) return;
      if (timer.current) clearTimeout(timer.current);
      pendingSince.current ??= now;
      timer.current = setTimeout(() => void evaluateNow(reader.current()), EVALUATE_DELAY_MS);
    },
    [evaluateNow],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { evaluation, failure, schedule, evaluateNow };
}
