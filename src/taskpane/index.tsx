/**
 * Entry of the task pane, inside Excel over office-js. The pane's frame is drawn at once; office.js is
 * loaded after it, with a timeout (loadOffice.ts), while the pane itself (excelPane.tsx, its own chunk)
 * is fetched beside it. When office.js did not load or the page is not in Excel, it says so and what to
 * do (NoOffice); the browser preview is a page of its own (preview.html).
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { Connecting, NoOffice, openedByOffice } from './NoOffice';
import { loadOfficeJs, officeReady } from './loadOffice';
import { themeFor } from './theme';
import { loadSettings } from '../office/settings';

/** The saved settings, where the browser allows them (as fromOffice's browserStorage, without the host it brings along). */
function savedSettings(): Pick<Storage, 'getItem'> | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Before Office has spoken: the browser's language and colour scheme. */
function renderPlain(root: Root, pane: (lang: 'zh' | 'en') => React.ReactElement): void {
  const settings = loadSettings(savedSettings(), navigator.language);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  root.render(
    <FluentProvider theme={themeFor(undefined, dark)} style={{ minHeight: '100vh' }}>
      {pane(settings.lang)}
    </FluentProvider>,
  );
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  renderPlain(root, (lang) => <Connecting lang={lang} />);
  const why = openedByOffice(window.location, window.parent !== window) ? 'blocked' : 'browser';
  const [loaded, pane] = await Promise.all([loadOfficeJs(document), import(/* webpackChunkName: "pane" */ './excelPane')]);
  const info = loaded === 'loaded' && typeof Office !== 'undefined' && typeof Office.onReady === 'function' ? await officeReady() : null;
  if (info && info.host === Office.HostType.Excel) pane.renderExcel(root);
  else renderPlain(root, (lang) => <NoOffice why={info ? 'browser' : why} lang={lang} />);
}

void start();
