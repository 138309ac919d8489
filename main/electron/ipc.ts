// The one audited door: the only file that touches ipcMain. Every renderer call enters here, is
// checked (door.ts: our window's top frame at app://, a contract channel, that window's session)
// and goes to the same dispatcher the browser-mode host uses.
import { ipcMain, type BrowserWindow } from 'electron';
import type { Desk } from '../app/desk';
import { forwardEvents, registerIpcDoor, type IpcDoor } from '../shell/door';

/** Opens the door; `windows()` lists the windows whose main frames may call. */
export function openIpcDoor(desk: Desk, windows: () => readonly BrowserWindow[]): IpcDoor {
  return registerIpcDoor(ipcMain, desk, {
    isTrustedSender: (frame, sender) =>
      windows().some((win) => !win.isDestroyed() && win.webContents.id === sender.id && win.webContents.mainFrame.frameTreeNodeId === frame.frameTreeNodeId),
  });
}

/** Pushes desk events to `win` until it closes. */
export function streamEventsTo(win: BrowserWindow, desk: Desk): void {
  const contents = win.webContents;
  const stop = forwardEvents(desk, { isDestroyed: () => contents.isDestroyed(), send: (channel, event) => contents.send(channel, event) });
  win.once('closed', stop);
}
