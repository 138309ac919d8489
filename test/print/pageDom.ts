// The few DOM shapes the in-page checks use. Tests are type-checked by tsconfig.node.json, which
// has no DOM lib (they run in Node); the functions passed to page.evaluate run inside Chromium and
// reach the real DOM through `globalThis`, typed by these interfaces.
export interface PageRect {
  right: number;
  width: number;
  height: number;
}

export interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  innerHTML: string;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  children: ArrayLike<PageElement>;
  getBoundingClientRect(): PageRect;
  getAttribute(name: string): string | null;
  appendChild(child: PageElement): void;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface PageImage extends PageElement {
  naturalWidth: number;
  src: string;
}

export interface PageWindow {
  innerWidth: number;
  __pwned?: number;
  document: {
    documentElement: PageElement;
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    getElementById(id: string): PageElement | null;
    createElement(tag: string): PageElement;
  };
  getComputedStyle(el: PageElement): { overflowX: string; overflowY: string };
}
