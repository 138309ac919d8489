// What an upload attempt's outcome means for the operator, in one place for both places that say it:
// the queue screen's attempt log (a short tag) and a filing's timeline (a sentence after the entry's
// kind, e.g. 备案上传：上传成功). Outcomes are the strings main/sync writes to outbox_attempts.outcome.

export interface AttemptOutcomeWords {
  /** The attempt log's tag (AttemptsDrawer). */
  tag: string;
  /** The timeline's title after 「备案上传：」. */
  title: string;
}

export const ATTEMPT_OUTCOME_WORDS: Readonly<Record<string, AttemptOutcomeWords>> = {
  ok: { tag: '成功', title: '上传成功' },
  rejected: { tag: '平台退回', title: '平台退回' },
  not_sent: { tag: '未发出', title: '未能发出' },
  unknown: { tag: '结果未知', title: '结果未知，待核实' },
  auth: { tag: '签到失效', title: '签到失效，重新签到' },
  local_rejected: { tag: '本机拒绝（未发送）', title: '本机拒绝上传（未发送）' },
  local_cancelled: { tag: '已撤回（未发送）', title: '已撤回，未上传' },
  local_done: { tag: '本机处理完毕', title: '本机处理完毕（未发送）' },
  reconcile_found: { tag: '核实：平台已有', title: '核实：平台已有该备案' },
  reconcile_absent: { tag: '核实：平台无记录', title: '核实：平台无记录' },
  operator_done: { tag: '人工核实：平台已有', title: '人工核实：平台已有' },
  operator_pending: { tag: '人工核实：重新上传', title: '人工核实：重新上传' },
  operator_requeued: { tag: '重新提交', title: '修改后重新提交' },
};

/** An attempt still on its way (outcome null). */
const IN_FLIGHT: AttemptOutcomeWords = { tag: '进行中', title: '正在上传' };

/** reconcile_not_sent, reconcile_unknown, reconcile_rejected, …: the check itself did not get an answer. */
const CHECK_FAILED: AttemptOutcomeWords = { tag: '核实查询失败', title: '核实查询未完成' };

/** The words for an outcome; an outcome this table does not know is shown as it is. */
export function attemptOutcomeWords(outcome: string | null): AttemptOutcomeWords {
  if (outcome === null) return IN_FLIGHT;
  const known = ATTEMPT_OUTCOME_WORDS[outcome];
  if (known) return known;
  if (outcome.startsWith('reconcile_')) return CHECK_FAILED;
  return { tag: outcome, title: outcome };
}
