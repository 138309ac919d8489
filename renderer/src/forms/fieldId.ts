// antd Form gives each control the DOM id `<formName>_<path joined by _>`; keyboard navigation
// and error focusing find controls by it, whatever kind of control (input, select, cascader, date).
export function fieldId(formName: string, dotted: string): string {
  return `${formName}_${dotted.replaceAll('.', '_')}`;
}

export function focusField(formName: string, dotted: string): boolean {
  const el = document.getElementById(fieldId(formName, dotted));
  if (!el) return false;
  el.focus();
  return document.activeElement === el;
}
