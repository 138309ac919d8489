// The operators' names for filters (备案列表's 经办人): every account, active or not, because an
// inactive operator's filings stay listed and searchable by who saved them.
import type { ResponseOf } from '../../shared/contract';
import { listOperators } from '../../db/repositories/operators';
import type { ServiceContext } from './context';

/** Active first, then by display name (pinyin order). */
export function operatorNames(ctx: ServiceContext): ResponseOf<'workflow.operators'> {
  return listOperators(ctx.db)
    .map(({ id, displayName, active }) => ({ id, displayName, active }))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
