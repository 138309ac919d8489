// Keyboard-first entry for a desk form: Enter moves to the next field instead of submitting,
// Enter on the last field and Ctrl+S submit, and the digits an ID-card reader or scanner "types"
// while a choice field has focus go to the number field, whose Enter then moves on.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { fieldId, focusField } from './fieldId';

export interface EntryField {
  /** Dot-joined form path, e.g. `details.phone`. */
  name: string;
  /** text: Enter always moves on. choice (select/cascader): an open list takes Enter first.
   *  date: the picker takes Enter first (to accept typed text). */
  kind: 'text' | 'choice' | 'date';
}

export interface KeyboardEntryOptions {
  formName: string;
  fields: readonly EntryField[];
  submit: () => void;
  isEmpty: (name: string) => boolean;
  /** Where scanned digits belong, and the choice fields that hand them over. */
  scan?: { target: string; from: readonly string[]; start: (firstChar: string) => void };
}

const CLOSE_POLLS = 20;
const CLOSE_POLL_MS = 20;

const isSaveKey = (e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's';

export function useKeyboardEntry(options: KeyboardEntryOptions) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  // Ctrl+S saves wherever focus is while the form is open (and never opens "save page as").
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isSaveKey(e)) return;
      e.preventDefault();
      latest.current.submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function indexOf(target: EventTarget): number {
    const { formName, fields } = latest.current;
    const el = target as HTMLElement;
    return fields.findIndex((f) => el.id === fieldId(formName, f.name));
  }

  function advance(index: number): void {
    const { formName, fields, submit } = latest.current;
    const next = fields[index + 1];
    if (next) focusField(formName, next.name);
    else submit();
  }

  /**
   * Let the control take the key (pick the option, accept the typed date), then move on once its
   * list or panel has closed. Selects close a few macrotasks later, so poll briefly; if the list
   * stays open (nothing matched, a province was expanded) or focus went elsewhere, stay put.
   */
  function advanceAfterControl(el: HTMLElement, index: number): void {
    let tries = 0;
    const check = () => {
      if (document.activeElement !== el) return;
      if (el.getAttribute('aria-expanded') !== 'true') return advance(index);
      if ((tries += 1) < CLOSE_POLLS) setTimeout(check, CLOSE_POLL_MS);
    };
    setTimeout(check, 0);
  }

  function onKeyDownCapture(e: KeyboardEvent<HTMLElement>): void {
    if (e.nativeEvent.isComposing || e.key === 'Process') return; // an IME is composing (拼音输入)
    if (isSaveKey(e)) return; // the window listener handles it
    const index = indexOf(e.target);
    if (index < 0) return;
    const field = latest.current.fields[index]!;
    const el = e.target as HTMLElement;
    const scan = latest.current.scan;

    if (scan && /^[0-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && scan.from.includes(field.name)) {
      e.preventDefault();
      e.stopPropagation();
      scan.start(e.key);
      focusField(latest.current.formName, scan.target);
      return;
    }

    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    // Never the browser's implicit form submission: only the last field, Ctrl+S or the button save.
    e.preventDefault();
    if (field.kind === 'date' || (field.kind === 'choice' && el.getAttribute('aria-expanded') === 'true')) {
      advanceAfterControl(el, index);
      return;
    }
    // An empty closed choice: let Enter open its list rather than skip it.
    if (field.kind === 'choice' && latest.current.isEmpty(field.name)) return;
    e.stopPropagation();
    advance(index);
  }

  return { onKeyDownCapture };
}
