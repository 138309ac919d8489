// A keydown listener on the desk window and inside preview frames. A click in a preview moves the
// focus into its frame, whose key events never reach the desk window; the previews are same-origin
// frames, so the listener is added to each document they load.
import { useEffect, useRef, type RefObject } from 'react';

export function useKeydownIn(frames: readonly RefObject<HTMLIFrameElement | null>[], listener: (event: KeyboardEvent) => void, remount: unknown): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener('keydown', onKey, true);
    const cleanups = frames.map((ref) => {
      const el = ref.current;
      if (!el) return () => {};
      let inner: Window | null = null;
      const attach = () => {
        inner?.removeEventListener('keydown', onKey, true);
        inner = el.contentWindow;
        inner?.addEventListener('keydown', onKey, true);
      };
      attach();
      el.addEventListener('load', attach);
      return () => {
        el.removeEventListener('load', attach);
        inner?.removeEventListener('keydown', onKey, true);
      };
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      for (const cleanup of cleanups) cleanup();
    };
    // `remount` changes when a frame element may have been created or replaced.
  }, [frames, remount]);
}
