// 网关凭据 (renderer/src/screens/cutover/CredentialsCard.tsx): each profile's credential source; where
// the desk can encrypt, a form with empty password inputs that sends the secret once and empties
// itself; in browser mode no form, only how to configure the file or environment.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { CredentialsCard } from '../../renderer/src/screens/cutover/CredentialsCard';
import { fakeDesk } from './fakeDesk';

type Rows = ResponseOf<'cutover.credentials.status'>;

function rows(storeAvailable: boolean, csb: Rows[number]['source'] = 'missing'): Rows {
  return [
    { profileId: 'guangdong-xtif', label: '广东（x-tif 网关）', gateway: 'x-tif', source: 'env', message: null, storeAvailable, stored: false },
    { profileId: 'jiangsu-csb', label: '江苏（CSB 网关）', gateway: 'csb', source: csb, message: csb === 'missing' ? '缺少网关凭据：请设置 DESK_PLATFORM_CSB_ACCESS_KEY' : null, storeAvailable, stored: csb === 'store' },
  ];
}

describe('网关凭据', () => {
  it('shows each source and sends new credentials from empty password inputs, then empties them', async () => {
    let changed = 0;
    const desk = fakeDesk({
      'cutover.credentials.status': () => ({ ok: true, value: rows(true) }),
      'cutover.credentials.set': () => ({ ok: true, value: rows(true, 'store') }),
    });
    render(desk.wrap(<CredentialsCard onChange={() => (changed += 1)} />));
    await screen.findByText('环境变量');
    expect(screen.getByText('缺少凭据')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(await screen.findByText('江苏（CSB 网关）（csb）'));
    const accessKey = await screen.findByLabelText('accessKey');
    const secretKey = screen.getByLabelText('secretKey');
    expect([accessKey.getAttribute('type'), (accessKey as HTMLInputElement).value]).toEqual(['password', '']);
    fireEvent.change(accessKey, { target: { value: 'k-1' } });
    fireEvent.change(secretKey, { target: { value: 's-1' } });
    fireEvent.click(screen.getByRole('button', { name: '加密保存到本机' }));

    await waitFor(() => expect(desk.invoke).toHaveBeenCalledWith('cutover.credentials.set', { profileId: 'jiangsu-csb', credentials: { scheme: 'csb', accessKey: 'k-1', secretKey: 's-1' } }));
    await screen.findByText('本机加密保存');
    expect(changed).toBe(1);
    expect(screen.queryByDisplayValue('s-1')).toBeNull();
    expect(screen.getByRole('button', { name: '清除本机凭据' })).toBeTruthy();
  });

  it('offers no form where the desk cannot encrypt (browser mode), only the file and environment route', async () => {
    const desk = fakeDesk({ 'cutover.credentials.status': () => ({ ok: true, value: rows(false) }) });
    render(desk.wrap(<CredentialsCard onChange={() => {}} />));
    await screen.findByText(/不能在本机加密保存网关凭据/);
    expect(screen.getByText(/DESK_PLATFORM_CREDENTIALS_FILE/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加密保存到本机' })).toBeNull();
  });
});
