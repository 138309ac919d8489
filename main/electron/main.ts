// The Electron main process: lifecycle, the one window, its security settings, the app:// origin.
// Everything that can run without Electron lives in main/shell/ (tested in Node); print.ts is the
// printer port; docs/electron.md says why each setting is what it is.
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEncryptedCredentialStore, CREDENTIAL_STORE_FILE, systemCipher } from '../app/credential-store';
import { createDesk, type Desk } from '../app/desk';
import { wirePlatform, type PlatformWiring } from '../app/platform-wiring';
import type { IpcDoor } from '../shell/door';
import { openIpcDoor, streamEventsTo } from './ipc';
import { createElectronPrinter, POS_LIBRARY_ENTRY } from './print';
import { APP_SCHEME, APP_START_URL, isAppUrl, serveAppRequest } from '../shell/protocol';
import { ContentsGuard, posPageUrls } from '../shell/printing-pos';
import { bundlePaths, deskConfigFor, handleStartupFailure, restoreOnRequest, RESTORE_NEWEST_BACKUP_FLAG, startupFailureMessage, STARTUP_FAILED_TITLE, withoutRestoreFlag, type StartupBox } from '../shell/startup';

const paths = bundlePaths(fileURLToPath(import.meta.url));
const deskConfig = () => deskConfigFor(app.getPath('userData'), paths.migrations, process.env);
let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
let door: IpcDoor | null = null;
let wiring: PlatformWiring | null = null;

// Must happen before 'ready', hence synchronously at the top of the module. 'standard' + 'secure'
// give app:// a real origin (so CSP 'self' and relative URLs work); no CSP bypass, no service workers.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// No app.enableSandbox(): electron-pos-printer's window needs Node. Every window of ours sets
// sandbox: true itself, and the guard refuses any webContents that was not declared as such, except
// the one slip window the printer port announces (docs/electron.md, docs/printing.md "Slips").
const guard = new ContentsGuard(posPageUrls(POS_LIBRARY_ENTRY));

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const verdict = guard.admit(contents.id);
    const stay = (event: { preventDefault(): void }, url: string) => {
      if (!guard.allowsNavigation(contents.id, url, isAppUrl)) event.preventDefault();
    };
    contents.on('will-navigate', stay);
    contents.on('will-redirect', stay);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.once('destroyed', () => guard.forget(contents.id));
    // Not ours, or not sandboxed: it loads nothing (onBeforeRequest) and is closed at once.
    if (verdict === 'refuse') setImmediate(() => BrowserWindow.fromWebContents(contents)?.destroy() ?? contents.close());
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: the renderer talks to the main side over IPC only. The platform client runs
  // in the main process on Node's own network stack and is not affected.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !guard.allowsRequest(details.url, details.webContentsId) }));
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(paths.renderer, request));
}

function createWindow(current: Desk): BrowserWindow {
  const webPreferences = {
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
  };
  const undo = guard.declareNext({ kind: 'app-window', webPreferences });
  let win: BrowserWindow;
  try {
    win = new BrowserWindow({ width: 1366, height: 860, minWidth: 1024, minHeight: 680, show: false, title: '医保异地备案工作台', backgroundColor: '#f5f5f5', webPreferences });
  } finally {
    undo();
  }
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
  // Gateway credentials entered on the settings screen are kept encrypted by the system (docs/cutover.md).
  const credentials = createEncryptedCredentialStore(join(app.getPath('userData'), CREDENTIAL_STORE_FILE), systemCipher(safeStorage));
  wiring = await wirePlatform(process.env.DESK_PLATFORM_URL ?? null, process.env, credentials);
  const config = deskConfig();
  // `npm start -- --restore-newest-backup`: the way out of a damaged database (docs/backup.md).
  if (process.argv.includes(RESTORE_NEWEST_BACKUP_FLAG)) console.log(await restoreOnRequest(config.dataDir, config.migrationsFolder));
  desk = await createDesk({ ...config, platform: wiring.platform, printer: createElectronPrinter(guard) });
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
  start().catch(async (error: unknown) => {
    // The database's errors carry their own words; a damaged database offers 恢复最近的备份. Every
    // decision is main/shell/startup.ts's; this only lends it the message box and the relaunch.
    console.error('desk start-up failed', error);
    const shell = {
      showBox: async (box: StartupBox) => (await dialog.showMessageBox({ ...box, noLink: true })).response,
      relaunch: () => app.relaunch({ args: withoutRestoreFlag(process.argv.slice(1)) }),
    };
    const code = await handleStartupFailure(error, deskConfig(), shell).catch((failure: unknown) => {
      console.error('start-up failure dialog failed', failure);
      dialog.showErrorBox(STARTUP_FAILED_TITLE, startupFailureMessage(error));
      return 1;
    });
    app.exit(code);
  });
}
