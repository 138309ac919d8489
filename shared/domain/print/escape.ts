// The one HTML escape for print output. Every value that reaches an HTML string built by hand
// (the desk slip, the electron-pos-printer lines) goes through here. electron-pos-printer puts
// its 'text' values into innerHTML in a window with Node enabled (dependencies.md §3), so an
// unescaped patient name would be markup — and script — in a privileged window.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
