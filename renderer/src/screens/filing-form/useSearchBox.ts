// The keyboard and open state of a search box (AutoComplete) inside a keyboard-first form: Enter
// keeps what was typed and moves on, unless the operator moved through the list with the arrow
// keys, in which case Enter takes that line. The form's Enter handling waits for the list to close.
import { useRef, useState, type KeyboardEvent } from 'react';

export function useSearchBox() {
  const [open, setOpen] = useState(false);
  const navigated = useRef(false);

  function onKeyDownCapture(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      navigated.current = true;
      return;
    }
    if (e.key === 'Escape') return;
    if (e.key !== 'Enter') {
      navigated.current = false;
      return;
    }
    if (e.nativeEvent.isComposing || !open || navigated.current) return;
    // Free text: close the list without picking, so the form moves on with what was typed.
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
  }

  return {
    open,
    onOpenChange: (next: boolean) => {
      if (!next) navigated.current = false;
      setOpen(next);
    },
    onKeyDownCapture,
    close: () => {
      navigated.current = false;
      setOpen(false);
    },
  };
}

/** Calls `run` `delay` ms after the last call; the latest call wins. */
export function useDebounced<A extends unknown[]>(run: (...args: A) => void, delay: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(run);
  latest.current = run;
  return (...args: A) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(...args), delay);
  };
}
