// 数据备份 (renderer/src/screens/backup): the list, a manual backup, and restore behind a confirmation
// that says what is replaced; a refused backup shows the desk's Chinese reason.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { BackupScreen } from '../../renderer/src/screens/backup/BackupScreen';
import { fakeDesk } from './fakeDesk';

const LIST: ResponseOf<'backup.list'> = {
  settings: { enabled: true, dailyAt: '12:30', keepDaily: 14 },
  directory: '/data/training/backups',
  nextScheduledAt: '2026-11-24T04:30:00.000Z',
  backups: [
    { fileName: 'manual-20261123-100000.sqlite', kind: 'manual', createdAt: '2026-11-23T02:00:00.000Z', sizeBytes: 210_000 },
    { fileName: 'scheduled-20261122-123000.sqlite', kind: 'scheduled', createdAt: '2026-11-22T04:30:00.000Z', sizeBytes: 2_400_000 },
  ],
};

const REFUSED = '该备份不能恢复：文件已损坏，完整性检查未通过（*** in database main ***）。请选择其他备份。';

function renderScreen(restore: 'ok' | 'refused') {
  const desk = fakeDesk({
    'backup.list': () => ({ ok: true, value: LIST }),
    'backup.create': () => ({ ok: true, value: { fileName: 'manual-20261123-110000.sqlite', kind: 'manual', createdAt: '2026-11-23T03:00:00.000Z', sizeBytes: 1 } }),
    'backup.restore': (req) =>
      restore === 'ok'
        ? { ok: true, value: { restoredFrom: req.fileName, safetyBackup: { fileName: 'before-restore-20261123-110500.sqlite', kind: 'before-restore', createdAt: '2026-11-23T03:05:00.000Z', sizeBytes: 1 }, migrationsApplied: 0 } }
        : { ok: false, code: 'BUSINESS_RULE', message: REFUSED },
  });
  render(desk.wrap(<BackupScreen />));
  return desk;
}

const rowOf = (fileName: string) => screen.getByText(fileName).closest('tr')!;

describe('数据备份', () => {
  it('lists the backups with their kind and time in CST, the folder and the next scheduled backup', async () => {
    renderScreen('ok');
    await screen.findByText('manual-20261123-100000.sqlite');
    expect(within(rowOf('manual-20261123-100000.sqlite')).getByText('手动备份')).toBeTruthy();
    expect(within(rowOf('manual-20261123-100000.sqlite')).getByText('2026-11-23 10:00')).toBeTruthy();
    expect(within(rowOf('scheduled-20261122-123000.sqlite')).getByText('定时备份')).toBeTruthy();
    expect(screen.getByText('/data/training/backups')).toBeTruthy();
    expect(screen.getByText(/下次定时备份：2026-11-24 12:30/)).toBeTruthy();
  });

  it('takes a manual backup and reads the list again', async () => {
    const desk = renderScreen('ok');
    await screen.findByText('manual-20261123-100000.sqlite');
    fireEvent.click(screen.getByRole('button', { name: '立即备份' }));
    await waitFor(() => expect(desk.invoke).toHaveBeenCalledWith('backup.create', {}));
    await waitFor(() => expect(desk.invoke.mock.calls.filter(([c]) => c === 'backup.list')).toHaveLength(2));
  });

  it('restores only after the confirmation is ticked, then asks everyone to log in again', async () => {
    const desk = renderScreen('ok');
    await screen.findByText('manual-20261123-100000.sqlite');
    fireEvent.click(within(rowOf('manual-20261123-100000.sqlite')).getByRole('button', { name: '恢复' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('恢复会用这份备份替换工作台当前的全部数据')).toBeTruthy();
    const ok = within(dialog).getByRole('button', { name: '确认恢复' });
    expect(ok.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(ok);
    await waitFor(() => expect(desk.invoke).toHaveBeenCalledWith('backup.restore', { fileName: 'manual-20261123-100000.sqlite', confirm: true }));
    expect(await screen.findByText('已从 manual-20261123-100000.sqlite 恢复工作台数据')).toBeTruthy();
    expect(screen.getByText(/before-restore-20261123-110500\.sqlite/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新登录' })).toBeTruthy();
  });

  it('shows why a backup cannot be restored, in the dialog', async () => {
    renderScreen('refused');
    await screen.findByText('manual-20261123-100000.sqlite');
    fireEvent.click(within(rowOf('manual-20261123-100000.sqlite')).getByRole('button', { name: '恢复' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认恢复' }));
    expect((await within(dialog).findByTestId('restore-error')).textContent).toContain(REFUSED);
  });
});
