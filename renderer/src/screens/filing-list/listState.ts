// What the filing list is showing: the search, the filters, the page. It is kept for the window's
// session (sessionStorage, per operator), so going to a filing's form or another screen and back
// finds the same list; a new login starts from the newest filings.
import { useEffect, useState } from 'react';
import { channels, type RequestOf } from '../../../../shared/contract';

/** Everything filing.list filters by except the page. */
export type FilingFilters = Omit<RequestOf<'filing.list'>, 'page' | 'pageSize'>;

export interface FilingListState {
  filters: FilingFilters;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const FRESH: FilingListState = { filters: {}, page: 1, pageSize: PAGE_SIZES[0] };
const STORAGE_KEY = 'yb.filingList';

/** True when anything narrows the list (the empty table then says nothing matched). */
export function isFiltered(filters: FilingFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '');
}

/** The request for the state: empty filters left out. */
export function listRequest({ filters, page, pageSize }: FilingListState): RequestOf<'filing.list'> {
  const set = Object.entries(filters).filter(([, v]) => v !== undefined && v !== '');
  return { ...(Object.fromEntries(set) as FilingFilters), page, pageSize };
}

function remembered(operatorId: string | undefined): FilingListState {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return FRESH;
    const saved = JSON.parse(raw) as { operatorId?: string; request?: unknown };
    if (saved.operatorId !== operatorId) return FRESH;
    // What was stored must still be a request the contract accepts (an older build may have written it).
    const parsed = channels['filing.list'].request.safeParse(saved.request);
    if (!parsed.success) return FRESH;
    const { page, pageSize, ...filters } = parsed.data;
    return { filters, page, pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : FRESH.pageSize };
  } catch {
    return FRESH;
  }
}

/** The list's state, remembered for the session; a filter change goes back to page 1. */
export function useFilingListState(operatorId: string | undefined) {
  const [state, setState] = useState(() => remembered(operatorId));

  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ operatorId, request: listRequest(state) }));
    } catch {
      // Storage full or refused: the list still works, it is only not remembered.
    }
  }, [operatorId, state]);

  return {
    state,
    setFilters: (patch: Partial<FilingFilters>) => setState((s) => ({ ...s, filters: { ...s.filters, ...patch }, page: 1 })),
    clearFilters: () => setState((s) => ({ ...s, filters: {}, page: 1 })),
    setPage: (page: number, pageSize: number) => setState((s) => ({ ...s, page: pageSize === s.pageSize ? page : 1, pageSize })),
  };
}
