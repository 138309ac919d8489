// The sandboxed preload: puts `window.desk` into the page (architecture §3) and nothing else.
// Names outside the contract are refused here, before they cost an IPC hop; the main side's door
// checks everything again, since this file runs where a compromised page could reach.
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../shared/contract/result';
import { CHANNEL_NAMES_LIST, EVENT_NAMES_LIST, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type DeskBridge } from '../../shared/contract/names';

const channelNames = new Set<string>(CHANNEL_NAMES_LIST);
const eventNames = new Set<string>(EVENT_NAMES_LIST);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(`desk event listener for ${name} failed`, error);
    }
  }
});

const bridge: DeskBridge = {
  invoke(channel, request) {
    if (typeof channel !== 'string' || !channelNames.has(channel)) {
      const refused: Result<unknown> = { ok: false, code: 'UNKNOWN_CHANNEL', message: `未知的操作：${String(channel).slice(0, 60)}` };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, request) as Promise<Result<unknown>>;
  },
  on(event, listener) {
    if (typeof event !== 'string' || !eventNames.has(event)) throw new TypeError(`unknown desk event: ${String(event).slice(0, 60)}`);
    if (typeof listener !== 'function') throw new TypeError('desk.on needs a listener function');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
