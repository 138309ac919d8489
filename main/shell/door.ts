// The IPC door's logic: which frame may call, whose session a call runs in, and the dispatcher.
// No electron import (the types below are the parts of Electron's objects it reads), so it is
// unit-tested in plain Node against the real dispatcher; ipc.ts hands it the real ipcMain.
import { fail, type DeskEvent, type ResponseOf, type Result } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/names';
import type { Desk } from '../app/desk';
import type { Session } from '../app/sessions';
import { isAppUrl } from './protocol';

/** What the door reads of Electron's WebFrameMain. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly detached: boolean;
  /** Unique per frame in the browser process; compared instead of object identity. */
  readonly frameTreeNodeId: number;
}

/** What the door reads of Electron's WebContents (the window that sent the call). */
export interface SenderContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface InvokeEvent {
  readonly sender: SenderContents;
  readonly senderFrame: SenderFrame | null;
}

/** Electron's ipcMain, as far as the door uses it. */
export interface IpcHandlerHost {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface IpcDoorOptions {
  /** Checked after the door's own checks: does this frame belong to one of our windows? */
  isTrustedSender(frame: SenderFrame, sender: SenderContents): boolean;
  log?: { warn(message: string): void; error(message: string, detail: unknown): void };
}

export interface IpcDoor {
  /** The session a window's calls run in, or null when it is not logged in. */
  sessionOf(senderId: number): Session | null;
  /** Removes the handler and ends every window's session. */
  close(): void;
}

/** A live top-level frame showing our own app:// origin: not a subframe, not another site. */
export function isAppMainFrame(frame: SenderFrame | null | undefined): frame is SenderFrame {
  return frame != null && !frame.detached && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcDoor(ipc: IpcHandlerHost, desk: Pick<Desk, 'dispatch' | 'sessions'>, options: IpcDoorOptions): IpcDoor {
  const log = options.log ?? console;
  // webContents id -> session token. The renderer never presents a token: the window is the identity.
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  function forget(senderId: number): void {
    const token = tokens.get(senderId);
    if (token) desk.sessions.close(token);
    tokens.delete(senderId);
  }

  async function invoke(event: InvokeEvent, channel: unknown, request: unknown): Promise<Result<unknown>> {
    const frame = event.senderFrame;
    if (!isAppMainFrame(frame) || !options.isTrustedSender(frame, event.sender)) {
      log.warn(`${IPC_INVOKE_CHANNEL} refused: sender frame ${frame ? JSON.stringify(frame.url.slice(0, 200)) : 'missing'}`);
      return fail('FORBIDDEN', '请求来源不被允许：只有工作台主窗口可以调用此功能');
    }
    const senderId = event.sender.id;
    if (!watched.has(senderId)) {
      watched.add(senderId);
      // A closed or crashed-and-destroyed window logs out.
      event.sender.once('destroyed', () => {
        forget(senderId);
        watched.delete(senderId);
      });
    }
    if (typeof channel !== 'string') return fail('UNKNOWN_CHANNEL', '未知的操作（操作名不是文本）');
    const result = await desk.dispatch(channel, request, desk.sessions.get(tokens.get(senderId)));
    if (result.ok && channel === 'auth.login') {
      forget(senderId);
      tokens.set(senderId, (result.value as ResponseOf<'auth.login'>).token);
    } else if (result.ok && channel === 'auth.logout') {
      tokens.delete(senderId);
    }
    return result;
  }

  ipc.handle(IPC_INVOKE_CHANNEL, async (event, channel, request) => {
    try {
      return await invoke(event, channel, request);
    } catch (error) {
      log.error(`${IPC_INVOKE_CHANNEL} failed`, error);
      return fail('INTERNAL', '系统内部错误，操作未完成，请重试或联系管理员');
    }
  });

  return {
    sessionOf: (senderId) => desk.sessions.get(tokens.get(senderId)),
    close() {
      ipc.removeHandler(IPC_INVOKE_CHANNEL);
      for (const senderId of [...tokens.keys()]) forget(senderId);
    },
  };
}

/** Forwards every desk event to a window's webContents until the returned function is called. */
export function forwardEvents(desk: Pick<Desk, 'events'>, sink: { isDestroyed(): boolean; send(channel: string, event: DeskEvent): void }): () => void {
  return desk.events.subscribe((event) => {
    if (!sink.isDestroyed()) sink.send(IPC_EVENT_CHANNEL, event);
  });
}
