// 备案列表's search and filters: what each one sends through filing.list (page back to 1), the
// filing-date range as China business dates whatever the machine's zone (tests run in
// America/Los_Angeles), the total's wording when the main side capped its count, and the state
// kept while the screen is away.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperatorDto, RequestOf, ResponseOf } from '../../shared/contract';
import { FilingListScreen } from '../../renderer/src/screens/filing-list/FilingListScreen';
import { SEARCH_PLACEHOLDER } from '../../renderer/src/screens/filing-list/FilingFilters';
import { fakeDesk } from './fakeDesk';
import { filingSummary } from './summaries';

const OPERATORS: ResponseOf<'workflow.operators'> = [
  { id: 'op1', displayName: '王经办', active: true },
  { id: 'op9', displayName: '李离职', active: false },
];

const me: OperatorDto = { id: 'op1', username: 'u1', displayName: '王经办', role: 'operator', active: true };

function renderList(answer: Partial<ResponseOf<'filing.list'>> = {}, operator: OperatorDto = me) {
  const desk = fakeDesk({
    'filing.list': (req) => ({ ok: true, value: { total: 45, items: [filingSummary(req.page ?? 1)], ...answer } }),
    'workflow.operators': () => ({ ok: true, value: OPERATORS }),
  });
  const view = render(desk.wrap(<FilingListScreen operator={operator} />));
  return { desk, view };
}

const requests = (desk: ReturnType<typeof fakeDesk>) => desk.invoke.mock.calls.filter(([c]) => c === 'filing.list').map(([, r]) => r as RequestOf<'filing.list'>);
const lastRequest = (desk: ReturnType<typeof fakeDesk>) => requests(desk).at(-1);

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((o) => o.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}

/** Goes to page 2 first, so a filter's reset to page 1 shows. */
async function onPageTwo(desk: ReturnType<typeof fakeDesk>) {
  await screen.findByText('20261123-0001');
  fireEvent.click(screen.getByTitle('2'));
  await screen.findByText('20261123-0002');
  expect(lastRequest(desk)).toEqual({ page: 2, pageSize: 20 });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the search box', () => {
  it('says what it finds, searches on Enter from page 1, and Esc clears the search', async () => {
    const { desk } = renderList();
    await onPageTwo(desk);
    const box = screen.getByRole('searchbox', { name: '查询备案' });
    expect(box.getAttribute('placeholder')).toBe(SEARCH_PLACEHOLDER);
    expect(SEARCH_PLACEHOLDER).toBe('身份证号 / 姓名 / 拼音首字母 / 本地编号 / 平台流水号');

    fireEvent.change(box, { target: { value: ' zs ' } });
    // Typing alone does not search.
    expect(lastRequest(desk)).toEqual({ page: 2, pageSize: 20 });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(lastRequest(desk)).toEqual({ query: 'zs', page: 1, pageSize: 20 }));

    fireEvent.keyDown(box, { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(lastRequest(desk)).toEqual({ page: 1, pageSize: 20 }));
    expect((box as HTMLInputElement).value).toBe('');
  });
});

describe('the filters', () => {
  it('send type, status, upload state and operator, each going back to page 1', async () => {
    const { desk } = renderList();
    await onPageTwo(desk);
    await pick('备案类型', '异地转诊人员');
    await waitFor(() => expect(lastRequest(desk)).toEqual({ type: 'referral', page: 1, pageSize: 20 }));

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(lastRequest(desk)?.page).toBe(2));
    await pick('备案状态', '已作废');
    await waitFor(() => expect(lastRequest(desk)).toEqual({ type: 'referral', status: 'voided', page: 1, pageSize: 20 }));

    await pick('上传状态', '被退回');
    // An inactive operator's filings stay findable by who saved them.
    await pick('经办人', '李离职（已停用）');
    await waitFor(() =>
      expect(lastRequest(desk)).toEqual({ type: 'referral', status: 'voided', uploadState: 'rejected', operatorId: 'op9', page: 1, pageSize: 20 }),
    );

    fireEvent.click(screen.getByRole('button', { name: '清空条件' }));
    await waitFor(() => expect(lastRequest(desk)).toEqual({ page: 1, pageSize: 20 }));
  });

  it("picks the filing-date range as China's business dates, not the machine's (America/Los_Angeles)", async () => {
    // 2026-11-23 12:00 in Los Angeles is already 2026-11-24 04:00 in Beijing.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T20:00:00.000Z'));
    expect(new Date().getDate()).toBe(23);
    const { desk } = renderList();
    await onPageTwo(desk);

    fireEvent.mouseDown(screen.getByPlaceholderText('备案日期（起）'));
    fireEvent.click(screen.getByPlaceholderText('备案日期（起）'));
    fireEvent.click(await screen.findByText('近7天'));
    await waitFor(() => expect(lastRequest(desk)).toEqual({ filedFrom: '2026-11-18', filedTo: '2026-11-24', page: 1, pageSize: 20 }));

    fireEvent.mouseDown(screen.getByPlaceholderText('备案日期（起）'));
    fireEvent.click(screen.getByPlaceholderText('备案日期（起）'));
    fireEvent.click(await screen.findByText('今天'));
    await waitFor(() => expect(lastRequest(desk)).toEqual({ filedFrom: '2026-11-24', filedTo: '2026-11-24', page: 1, pageSize: 20 }));
  });

  it('sends the dates clicked in the calendar as they read, both ends included', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T20:00:00.000Z'));
    const { desk } = renderList();
    await screen.findByText('20261123-0001');
    fireEvent.mouseDown(screen.getByPlaceholderText('备案日期（起）'));
    fireEvent.click(screen.getByPlaceholderText('备案日期（起）'));
    const cell = async (date: string) => waitFor(() => document.querySelector<HTMLElement>(`td[title="${date}"]`) ?? Promise.reject(new Error(`no ${date}`)));
    fireEvent.click(await cell('2026-11-01'));
    fireEvent.click(await cell('2026-11-30'));
    await waitFor(() => expect(lastRequest(desk)).toEqual({ filedFrom: '2026-11-01', filedTo: '2026-11-30', page: 1, pageSize: 20 }));
  });
});

describe('the total', () => {
  it('says 共 N 条 for an exact count', async () => {
    renderList({ total: 45 });
    expect(await screen.findByText('共 45 条')).toBeTruthy();
  });

  it('says 超过 N 条 when the main side stopped counting', async () => {
    renderList({ total: 2000, totalCapped: true });
    expect(await screen.findByText('超过 2000 条')).toBeTruthy();
    expect(screen.queryByText('共 2000 条')).toBeNull();
  });
});

describe('coming back to the list', () => {
  it('finds the same search, filters and page; another operator starts fresh', async () => {
    const first = renderList();
    await onPageTwo(first.desk);
    await pick('备案类型', '异地转诊人员');
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(lastRequest(first.desk)).toEqual({ type: 'referral', page: 2, pageSize: 20 }));
    first.view.unmount();

    const again = renderList();
    await screen.findByText('20261123-0002');
    expect(requests(again.desk)).toEqual([{ type: 'referral', page: 2, pageSize: 20 }]);
    again.view.unmount();

    const other = renderList({}, { ...me, id: 'op2' });
    await screen.findByText('20261123-0001');
    expect(requests(other.desk)).toEqual([{ page: 1, pageSize: 20 }]);
  });

  it('reads the page again when a filing changes', async () => {
    const { desk } = renderList();
    await screen.findByText('20261123-0001');
    const before = requests(desk).length;
    act(() => desk.emit('filing.changed', { id: 'f1' }));
    await waitFor(() => expect(requests(desk).length).toBe(before + 1));
  });
});
