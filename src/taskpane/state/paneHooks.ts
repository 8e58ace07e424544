/** The pane's smaller pieces of state: the settings (saved as they change), 自动校验, and focus returning to an opener. */
import * as React from 'react';
import type { Host } from '../../office/hostApi';
import { type Settings, saveSettings } from '../../office/settings';
import type { Checked } from './status';

export function useSettings(initial: Settings, storage?: Storage): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = React.useState(initial);
  const update = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    saveSettings(storage, next);
  };
  return [settings, update];
}

/** 自动校验: the host checks again after an edit; the pane shows what came of it. */
export function useAutoCheck(host: Host, settings: Settings, shown: (r: Checked) => void): void {
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  const shownRef = React.useRef(shown);
  shownRef.current = shown;
  React.useEffect(() => {
    if (!settings.autoCheck || !host.watchEdits) return;
    let stop: (() => void) | undefined;
    let live = true;
    void host
      .watchEdits(
        () => settingsRef.current,
        (r) => {
          if (r.kind !== 'summarySheet') shownRef.current(r);
        },
      )
      .then((s) => (live ? (stop = s) : s()));
    return () => {
      live = false;
      stop?.();
    };
  }, [host, settings.autoCheck]);
}

export interface FocusReturn {
  /** Notes the focused element (call it as a dialog or section opens). */
  readonly remember: () => void;
  /** Gives the focus back to it, or to the fallback where it is gone or hidden. */
  readonly restore: () => void;
}

/** The element that opened a dialog gets the focus back when it closes (or the fallback, if it was in a menu). */
export function useFocusReturn(fallback: () => HTMLElement | null): FocusReturn {
  const opener = React.useRef<HTMLElement | null>(null);
  return {
    remember: () => {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    },
    restore: () =>
      requestAnimationFrame(() => {
        const el = opener.current?.isConnected && opener.current.offsetParent !== null ? opener.current : fallback();
        el?.focus();
      }),
  };
}
