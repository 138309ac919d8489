// usePagedQuery: one page of a list channel, read again when the request's content changes and on
// filing/queue pushes (quietly, without the loading veil, when asked); an older, slower answer
// never overwrites a newer one.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { RequestOf, ResponseOf, Result } from '../../shared/contract';
import { usePagedQuery } from '../../renderer/src/api/usePagedQuery';
import { emptyQueue, fakeDesk } from './fakeDesk';

type QueuePage = ResponseOf<'queue.list'>;
const page = (total: number): QueuePage => ({ total, items: [] });

function setUp(answer: (req: RequestOf<'queue.list'>) => Result<QueuePage> = () => ({ ok: true, value: page(1) })) {
  const desk = fakeDesk({ 'queue.list': answer });
  const wrapper = ({ children }: { children: ReactNode }) => <>{desk.wrap(children)}</>;
  const calls = () => desk.invoke.mock.calls.filter(([c]) => c === 'queue.list').map(([, r]) => r);
  return { desk, wrapper, calls };
}

describe('usePagedQuery', () => {
  it('reads the page, and again only when the request content changes', async () => {
    const { wrapper, calls } = setUp((req) => ({ ok: true, value: page(req.page ?? 1) }));
    const { result, rerender } = renderHook(({ p }: { p: number }) => usePagedQuery('queue.list', { page: p, pageSize: 20 }), { wrapper, initialProps: { p: 1 } });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data).toEqual(page(1));
    // A new object with the same content is the same request.
    rerender({ p: 1 });
    rerender({ p: 2 });
    await waitFor(() => expect(result.current.data).toEqual(page(2)));
    expect(calls()).toEqual([
      { page: 1, pageSize: 20 },
      { page: 2, pageSize: 20 },
    ]);
  });

  it("keeps the newest request's answer when an older one arrives later", async () => {
    const { desk, wrapper } = setUp();
    let releaseSlow: (r: Result<unknown>) => void = () => {};
    desk.invoke.mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)));
    const { result, rerender } = renderHook(({ p }: { p: number }) => usePagedQuery('queue.list', { page: p }), { wrapper, initialProps: { p: 1 } });
    rerender({ p: 2 });
    await waitFor(() => expect(result.current.data).toEqual(page(1)));
    await act(async () => releaseSlow({ ok: true, value: page(99) }));
    expect(result.current.data).toEqual(page(1));
    expect(result.current.loading).toBe(false);
  });

  it('says why a page could not be read, and clears it on the next answer', async () => {
    let fail = true;
    const { wrapper } = setUp(() => (fail ? { ok: false, code: 'INTERNAL', message: '数据库忙，请稍后重试' } : { ok: true, value: page(3) }));
    const { result } = renderHook(() => usePagedQuery('queue.list', {}), { wrapper });
    await waitFor(() => expect(result.current.error).toBe('数据库忙，请稍后重试'));
    fail = false;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(result.current.data).toEqual(page(3));
  });

  it('reads again on a push: with the loading veil by default, without it when quiet', async () => {
    for (const quietRefresh of [false, true]) {
      const { desk, wrapper, calls } = setUp();
      let release: (r: Result<unknown>) => void = () => {};
      const { result, unmount } = renderHook(() => usePagedQuery('queue.list', {}, { quietRefresh }), { wrapper });
      await waitFor(() => expect(result.current.loading).toBe(false));
      desk.invoke.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
      act(() => desk.emit('queue.changed', emptyQueue));
      await waitFor(() => expect(calls()).toHaveLength(2));
      expect(result.current.loading).toBe(!quietRefresh);
      await act(async () => release({ ok: true, value: page(7) }));
      expect(result.current.data).toEqual(page(7));
      act(() => desk.emit('filing.changed', { id: 'f1' }));
      await waitFor(() => expect(calls()).toHaveLength(3));
      unmount();
    }
  });
});
