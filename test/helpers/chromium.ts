// Debian's Chromium as every browser test launches it (architecture.md §7): one path, one list of
// flags. The e2e tests, the print tests and bench:print import these instead of repeating them.
export const CHROMIUM_PATH = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
