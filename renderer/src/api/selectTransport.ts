// Picked once at start: the Electron preload's bridge when present, else the browser-mode host.
import { createHttpTransport } from './httpTransport';
import { createIpcTransport } from './ipcTransport';
import type { Transport } from './transport';
import './bridge';

export function selectTransport(win: Window & typeof globalThis): Transport {
  if (win.desk) return createIpcTransport(win.desk);
  return createHttpTransport({
    fetch: (url, init) => win.fetch(url, init),
    createEventSource: (url) => new win.EventSource(url),
    deskToken: () => win.document.querySelector('meta[name="desk-token"]')?.getAttribute('content') || null,
    storage: win.sessionStorage,
    apiBase: '/api/',
  });
}
