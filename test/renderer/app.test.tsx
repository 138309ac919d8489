import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { App } from '../../renderer/src/App';
import { TRAINING_BANNER_TEXT } from '../../renderer/src/components/TrainingBanner';
import { fakeDesk } from './fakeDesk';

const institution = { code: 'H34010100001', name: '合肥市第一人民医院', regionCode: '340100' };
const info = (over: Partial<ResponseOf<'app.info'>>): ResponseOf<'app.info'> => ({
  version: '0.1.0',
  initialized: true,
  mode: 'live',
  institution,
  ...over,
});

describe('app start', () => {
  it('opens first-run setup when the desk is not initialized, with the training banner', async () => {
    const desk = fakeDesk({ 'app.info': () => ({ ok: true, value: info({ initialized: false, mode: 'training', institution: null }) }) });
    render(desk.wrap(<App />));
    expect(await screen.findByText('初始设置')).toBeTruthy();
    expect(screen.getByText(TRAINING_BANNER_TEXT)).toBeTruthy();
  });

  it('opens login when there is no session, without a banner in live mode', async () => {
    const desk = fakeDesk({
      'app.info': () => ({ ok: true, value: info({}) }),
      'auth.me': () => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }),
    });
    render(desk.wrap(<App />));
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.getByText('合肥市第一人民医院（H34010100001）')).toBeTruthy();
    expect(screen.queryByText(TRAINING_BANNER_TEXT)).toBeNull();
  });

  it('says so when the desk cannot be reached', async () => {
    const desk = fakeDesk({ 'app.info': () => ({ ok: false, code: 'UNAVAILABLE', message: '无法连接工作台服务，请确认工作台程序正在运行后重试' }) });
    render(desk.wrap(<App />));
    expect(await screen.findByText('无法连接工作台服务')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
