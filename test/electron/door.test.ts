// The IPC door against the real dispatcher and a real SQLite file; only Electron's objects are
// stand-ins (ipcMain, webContents, frames), shaped like the parts the door reads.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent, Result } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/names';
import { createDesk, type Desk } from '../../main/app/desk';
import { forwardEvents, registerIpcDoor, type InvokeEvent, type IpcDoor, type SenderFrame } from '../../main/shell/door';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

let nextFrameId = 1;
function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent, detached: false, frameTreeNodeId: nextFrameId++ };
}

/** A window's webContents with its top frame at app://desk. */
class FakeWindow extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWindow.nextId++;
  readonly mainFrame = frame('app://desk/index.html');
}

const REFERRAL = {
  type: 'referral',
  insuranceType: 'employee',
  certType: 'id_card',
  certNo: '11010519491231002X',
  personName: '张三',
  startDate: '2026-11-23',
  details: { destinationRegion: '310000', diagnosisName: '肺恶性肿瘤', referralKind: '1', referralReason: '本院无法诊治', phone: '13800000000' },
};

const SETUP = {
  institutionCode: 'H34010100001',
  institutionName: '合肥市第一人民医院',
  regionCode: '340100',
  adminUsername: 'admin',
  adminDisplayName: '王管理',
  adminPassword: 'admin1234',
};

const CHINESE = /[\u4e00-\u9fff]/;

let dir: string;
let desk: Desk;
let ipc: FakeIpcMain;
let door: IpcDoor;
let ours: Set<FakeWindow>;
const warnings: string[] = [];

function invoke(sender: FakeWindow, channel: unknown, request: unknown = {}, senderFrame: SenderFrame | null = sender.mainFrame): Promise<Result<unknown>> {
  const listener = ipc.handlers.get(IPC_INVOKE_CHANNEL);
  if (!listener) throw new Error('the door is not registered');
  return listener({ sender, senderFrame }, channel, request);
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.value as T;
}

async function initializedWindow(): Promise<FakeWindow> {
  const win = new FakeWindow();
  ours.add(win);
  value(await invoke(win, 'setup.initialize', SETUP));
  return win;
}

async function login(win: FakeWindow, username = 'admin', password = 'admin1234'): Promise<void> {
  value(await invoke(win, 'auth.login', { username, password }));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-door-'));
  desk = await createDesk({ dataDir: dir, mode: 'training', clock: () => new Date('2026-11-23T02:00:00Z'), log: { error: () => {} } });
  ipc = new FakeIpcMain();
  ours = new Set();
  warnings.length = 0;
  door = registerIpcDoor(ipc, desk, {
    // Only "is this one of our windows?": the frame checks below must be the door's own.
    isTrustedSender: (_frame, sender) => [...ours].some((w) => w.id === sender.id),
    log: { warn: (m) => warnings.push(m), error: () => {} },
  });
});

afterEach(() => {
  door.close();
  desk.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC door: trusted window', () => {
  it('registers exactly one handler, on the invoke channel', () => {
    expect([...ipc.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
  });

  it('lets our main window set up, log in and save a filing that is stored and queued', async () => {
    const win = await initializedWindow();
    await login(win);
    expect(door.sessionOf(win.id)?.username).toBe('admin');

    const created = value<{ id: string; personName: string; uploadState: string }>(await invoke(win, 'filing.create', REFERRAL));
    expect(created.personName).toBe('张三');
    expect(created.uploadState).toBe('pending');

    const fetched = value<{ id: string }>(await invoke(win, 'filing.get', { id: created.id }));
    expect(fetched.id).toBe(created.id);
    expect(value<{ pending: number }>(await invoke(win, 'queue.stats')).pending).toBe(1);
  });

  it('refuses an unknown channel with UNKNOWN_CHANNEL', async () => {
    const win = await initializedWindow();
    const result = await invoke(win, 'filing.delete_everything', {});
    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(await invoke(win, { toString: null }, {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('answers invalid input with INVALID_REQUEST and Chinese field messages, and writes nothing', async () => {
    const win = await initializedWindow();
    await login(win);
    const bad = { ...REFERRAL, certNo: '110105194912310021', details: { ...REFERRAL.details, phone: '123' } };
    const result = await invoke(win, 'filing.create', bad);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.code).toBe('INVALID_REQUEST');
    expect(result.message).toMatch(CHINESE);
    expect(Object.keys(result.fields ?? {})).toEqual(expect.arrayContaining(['certNo', 'details.phone']));
    for (const message of Object.values(result.fields ?? {})) expect(message).toMatch(CHINESE);
    expect(value<{ total: number }>(await invoke(win, 'filing.list', {})).total).toBe(0);
    expect(value<{ pending: number }>(await invoke(win, 'queue.stats')).pending).toBe(0);
  });

  it('refuses a role that may not call the channel (a reviewer saving a filing) with FORBIDDEN', async () => {
    const win = await initializedWindow();
    await login(win);
    value(await invoke(win, 'operator.create', { username: 'reviewer1', displayName: '李复核', role: 'reviewer', password: 'review1234' }));
    value(await invoke(win, 'auth.logout'));
    await login(win, 'reviewer1', 'review1234');

    const result = await invoke(win, 'filing.create', REFERRAL);
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(value<{ total: number }>(await invoke(win, 'filing.list', {})).total).toBe(0);
  });
});

describe('IPC door: who may call', () => {
  async function expectRefused(call: () => Promise<Result<unknown>>): Promise<void> {
    expect(await call()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Nothing reached the dispatcher: the desk is still not set up.
    const probe = new FakeWindow();
    ours.add(probe);
    expect(value<{ initialized: boolean }>(await invoke(probe, 'app.info')).initialized).toBe(false);
    expect(warnings.some((w) => w.includes('refused'))).toBe(true);
  }

  it('refuses our window’s main frame once it shows another origin', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, { ...win.mainFrame, url: 'https://evil.example/' }));
  });

  it('refuses a file:// page in our own window', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, { ...win.mainFrame, url: 'file:///tmp/index.html' }));
  });

  it('refuses a subframe, even one at app://desk', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, frame('app://desk/index.html', win.mainFrame)));
  });

  it('refuses a call whose sender frame is missing (navigated away or destroyed)', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, null));
  });

  it('refuses a detached frame', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, { ...win.mainFrame, detached: true }));
  });

  it('refuses an app://desk main frame of a window that is not ours', async () => {
    const stranger = new FakeWindow();
    await expectRefused(() => invoke(stranger, 'setup.initialize', SETUP));
  });

  it('refuses another app:// host', async () => {
    const win = new FakeWindow();
    ours.add(win);
    await expectRefused(() => invoke(win, 'setup.initialize', SETUP, { ...win.mainFrame, url: 'app://other/index.html' }));
  });
});

describe('IPC door: sessions belong to windows', () => {
  it('does not log in a second window when the first logs in', async () => {
    const first = await initializedWindow();
    await login(first);
    const second = new FakeWindow();
    ours.add(second);
    expect(await invoke(second, 'auth.me')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await invoke(second, 'filing.create', REFERRAL)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(value<{ username: string }>(await invoke(first, 'auth.me')).username).toBe('admin');
  });

  it('ignores a token the renderer puts in a request: the window is the identity', async () => {
    const first = await initializedWindow();
    await login(first);
    const token = door.sessionOf(first.id)?.token;
    expect(token).toBeTruthy();
    const second = new FakeWindow();
    ours.add(second);
    expect(await invoke(second, 'auth.me', { token })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('ends the session on logout', async () => {
    const win = await initializedWindow();
    await login(win);
    value(await invoke(win, 'auth.logout'));
    expect(door.sessionOf(win.id)).toBeNull();
    expect(await invoke(win, 'auth.me')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('ends the previous session when a window logs in again', async () => {
    const win = await initializedWindow();
    await login(win);
    const before = door.sessionOf(win.id)!.token;
    await login(win);
    expect(desk.sessions.get(before)).toBeNull();
    expect(door.sessionOf(win.id)?.token).not.toBe(before);
  });

  it('ends the session when the window is destroyed', async () => {
    const win = await initializedWindow();
    await login(win);
    const token = door.sessionOf(win.id)!.token;
    win.emit('destroyed');
    expect(desk.sessions.get(token)).toBeNull();
    expect(door.sessionOf(win.id)).toBeNull();
  });

  it('close() removes the handler and ends every session', async () => {
    const win = await initializedWindow();
    await login(win);
    const token = door.sessionOf(win.id)!.token;
    door.close();
    expect(ipc.handlers.size).toBe(0);
    expect(desk.sessions.get(token)).toBeNull();
  });

  it('answers a failed login with the dispatcher’s Chinese message and stays logged out', async () => {
    const win = await initializedWindow();
    const result = await invoke(win, 'auth.login', { username: 'admin', password: 'wrong-password1' });
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    if (!result.ok) expect(result.message).toMatch(CHINESE);
    expect(door.sessionOf(win.id)).toBeNull();
  });
});

describe('event forwarding', () => {
  class FakeSink {
    destroyed = false;
    readonly sent: Array<[string, DeskEvent]> = [];
    isDestroyed(): boolean {
      return this.destroyed;
    }
    send(channel: string, event: DeskEvent): void {
      this.sent.push([channel, event]);
    }
  }

  it('sends desk events to the window as {name, payload} on the event channel', async () => {
    const sink = new FakeSink();
    const stop = forwardEvents(desk, sink);
    const win = await initializedWindow();
    await login(win);
    const created = value<{ id: string }>(await invoke(win, 'filing.create', REFERRAL));
    expect(sink.sent.map(([channel]) => channel).every((c) => c === IPC_EVENT_CHANNEL)).toBe(true);
    expect(sink.sent.map(([, e]) => e)).toContainEqual({ name: 'filing.changed', payload: { id: created.id } });
    expect(sink.sent.some(([, e]) => e.name === 'queue.changed')).toBe(true);
    stop();
  });

  it('stops when unsubscribed and skips a destroyed window', () => {
    const sink = new FakeSink();
    const stop = forwardEvents(desk, sink);
    sink.destroyed = true;
    desk.events.emit('filing.changed', { id: 'a' });
    expect(sink.sent).toHaveLength(0);
    sink.destroyed = false;
    stop();
    desk.events.emit('filing.changed', { id: 'b' });
    expect(sink.sent).toHaveLength(0);
    expect(desk.events.size).toBe(0);
  });
});
