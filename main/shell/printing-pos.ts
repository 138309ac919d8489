// electron-pos-printer, contained (issue 6, docs/printing.md "Slips"). The library prints from its own
// window with nodeIntegration on, contextIsolation off and no sandbox; its page script sets every
// 'text' line as innerHTML. So the desk (1) hands it only escaped text lines and one QR line built
// from the SlipDto, (2) lets exactly one Node-enabled webContents exist at a time: the one the slip
// adapter announced just before calling the library, and only while it shows the library's own
// three files, and (3) refuses every other webContents it was not told about. No electron import:
// the decisions are tested in plain Node; main/electron/ only wires them.
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PosPrintData as LibraryPosPrintData, PosPrintOptions } from 'electron-pos-printer';
import type { SlipPrintOptions } from '../app/printer';
import { slipToPosPrinterData, type PosPrintData, type SlipDto } from '../../shared/domain/print/slip';
import { isAllowedRequestUrl } from './protocol';

/** The subset of Electron's WebPreferences that decides whether a page can reach Node. */
export interface ContentsPreferences {
  sandbox?: boolean;
  contextIsolation?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webviewTag?: boolean;
}

/** What the code that creates a window says about it, right before `new BrowserWindow`. */
export type DeclaredContents = { kind: 'app-window' | 'print-window'; webPreferences: ContentsPreferences } | { kind: 'pos-printer' };

export type ContentsVerdict = 'sandboxed' | 'pos-printer' | 'refuse';

/** True when a page with these preferences could reach Node or escape the sandbox. */
export function reachesNode(p: ContentsPreferences): boolean {
  return p.sandbox !== true || p.contextIsolation === false || p.nodeIntegration === true || p.nodeIntegrationInWorker === true || p.nodeIntegrationInSubFrames === true || p.webviewTag === true;
}

/**
 * The decision for a new webContents. Electron 45 cannot report an existing webContents' preferences,
 * so the desk judges what its own code declared: undeclared contents are refused (nothing in the desk
 * creates one), a declared window must be fully sandboxed, and the POS printer's window is the one
 * allowed exception, contained by `allowsRequest` and the navigation rules.
 */
export function judgeContents(declared: DeclaredContents | null): ContentsVerdict {
  if (!declared) return 'refuse';
  if (declared.kind === 'pos-printer') return 'pos-printer';
  return reachesNode(declared.webPreferences) ? 'refuse' : 'sandboxed';
}

/** The library's own page and the two files it loads, as file:// URLs (inside the asar when packaged). */
export function posPageUrls(libraryEntry: string): { page: string; allowed: ReadonlySet<string> } {
  const dir = join(dirname(libraryEntry), 'renderer');
  const page = pathToFileURL(join(dir, 'index.html')).href;
  return { page, allowed: new Set([page, pathToFileURL(join(dir, 'renderer.js')).href, pathToFileURL(join(dir, 'renderer.min.css')).href]) };
}

/**
 * Which webContents may exist and what each may load. One instance per app: main.ts consults it in
 * `web-contents-created` and `onBeforeRequest`; the window factories and the slip adapter declare.
 */
export class ContentsGuard {
  private next: DeclaredContents | null = null;
  private readonly verdicts = new Map<number, ContentsVerdict>();

  constructor(private readonly posPage: { page: string; allowed: ReadonlySet<string> }) {}

  /** Announces the next webContents (created synchronously by the call that follows); returns the undo. */
  declareNext(declared: DeclaredContents): () => void {
    if (this.next) throw new Error('another webContents is already announced');
    this.next = declared;
    return () => {
      if (this.next === declared) this.next = null;
    };
  }

  /** `web-contents-created`: consumes the announcement and remembers the verdict for this id. */
  admit(id: number): ContentsVerdict {
    const verdict = judgeContents(this.next);
    this.next = null;
    this.verdicts.set(id, verdict);
    return verdict;
  }

  verdictOf(id: number): ContentsVerdict | undefined {
    return this.verdicts.get(id);
  }

  /** `destroyed`: the id may be reused by Chromium later. */
  forget(id: number): void {
    this.verdicts.delete(id);
  }

  /**
   * `onBeforeRequest`: the POS window may load only the library's three files (nothing remote, not
   * even data:); a refused or unknown webContents loads nothing; a sandboxed one the usual allow-list.
   * Requests without a webContents (service-side) keep the usual allow-list, never file://.
   */
  allowsRequest(url: string, webContentsId: number | undefined): boolean {
    const verdict = webContentsId === undefined ? 'sandboxed' : this.verdicts.get(webContentsId);
    if (verdict === 'pos-printer') return this.posPage.allowed.has(url);
    if (verdict === 'sandboxed') return isAllowedRequestUrl(url);
    return false;
  }

  /** `will-navigate` / `will-redirect` / `will-frame-navigate` of a POS window: never anywhere. */
  allowsNavigation(id: number, url: string, isAppUrl: (url: string) => boolean): boolean {
    const verdict = this.verdicts.get(id);
    return verdict === 'sandboxed' && isAppUrl(url);
  }
}

/**
 * The data handed to PosPrinter.print: the shared slip lines, every 'text' value escaped, checked
 * here once more so that no line type the library would read from disk or the network
 * ('image', 'table', 'barCode') and no raw '<' ever reaches it.
 */
export function posSlipData(slip: SlipDto, options: { training: boolean }): PosPrintData[] {
  const lines: PosPrintData[] = slipToPosPrinterData(slip, options);
  for (const line of lines) {
    if (line.type !== 'text' && line.type !== 'qrCode') throw new Error(`slip line type not allowed: ${String((line as { type: unknown }).type)}`);
    if (line.type === 'text' && /[<>]/.test(line.value)) throw new Error('slip text line is not escaped');
  }
  return lines;
}

/** Compile-time: the shared line type is what the library accepts. */
export const LINES_FIT_THE_LIBRARY: (lines: PosPrintData[]) => LibraryPosPrintData[] = (lines) => lines;

/**
 * PosPrinter.print's options: silent to the slip printer, the paper the slip is laid out for, no
 * preview window and never `pathTemplate` (the page is always the library's own).
 */
export function posPrintOptions(options: SlipPrintOptions): PosPrintOptions {
  return {
    preview: false,
    silent: true,
    ...(options.printerName ? { printerName: options.printerName } : {}),
    pageSize: options.width,
    margin: '0 0 0 0',
    copies: 1,
    timeOutPerLine: 400,
  };
}

/** The library sets no timeout for silent jobs; the adapter gives up (and destroys the window) after this. */
export const POS_PRINT_TIMEOUT_MS = 30_000;
