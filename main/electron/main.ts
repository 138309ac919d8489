// The Electron main process: lifecycle, the one window, its security settings, the app:// origin.
// Everything that can run without Electron lives in main/shell/ (tested in Node); print.ts is the
// printer port; docs/electron.md says why each setting is what it is.
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { createDesk, type Desk } from '../app/desk';
import { wirePlatform, type PlatformWiring } from '../app/platform-wiring';
import type { IpcDoor } from '../shell/door';
import { openIpcDoor, streamEventsTo } from './ipc';
import { createElectronPrinter } from './print';
import { APP_SCHEME, APP_START_URL, isAllowedRequestUrl, isAppUrl, serveAppRequest } from '../shell/protocol';
import { bundlePaths, deskConfigFor, startupFailureMessage, STARTUP_FAILED_TITLE } from '../shell/startup';

const paths = bundlePaths(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
let door: IpcDoor | null = null;
let wiring: PlatformWiring | null = null;

// Must happen before 'ready', hence synchronously at the top of the module. 'standard' + 'secure'
// give app:// a real origin (so CSP 'self' and relative URLs work); no CSP bypass, no service workers.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: the renderer talks to the main side over IPC only. The platform client runs
  // in the main process on Node's own network stack and is not affected.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(paths.renderer, request));
}

function createWindow(current: Desk): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366, height: 860, minWidth: 1024, minHeight: 680,
    show: false,
    title: '医保异地备案工作台',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
      preload: paths.preload,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  streamEventsTo(win, current);
  void win.loadURL(APP_START_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  if (app.isPackaged) Menu.setApplicationMenu(null);
  lockDownContents();
  // The same platform wiring as browser mode: the simulator in training mode, else the configured URL.
  wiring = await wirePlatform(process.env.DESK_PLATFORM_URL ?? null);
  desk = await createDesk({ ...deskConfigFor(app.getPath('userData'), paths.migrations, process.env), platform: wiring.platform, printer: createElectronPrinter() });
  door = openIpcDoor(desk, () => (mainWindow ? [mainWindow] : []));
  mainWindow = createWindow(desk);
}

if (!app.requestSingleInstanceLock()) {
  // Another desk is running on this data folder: it gets the focus, this one leaves.
  app.quit();
} else {
  app.setAppUserModelId('cn.yibao.desk');
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    door?.close();
    void desk?.sync?.stop();
    desk?.close();
    desk = null;
    void wiring?.close();
  });
  start().catch((error: unknown) => {
    // The database's errors (migration failed and restored, integrity check) carry their own words.
    console.error('desk start-up failed', error);
    dialog.showErrorBox(STARTUP_FAILED_TITLE, startupFailureMessage(error));
    app.exit(1);
  });
}
