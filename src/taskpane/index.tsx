/**
 * Entry of the task pane, inside Excel over office-js. The pane's frame is drawn at once; office.js is
 * loaded after it, with a timeout (loadOffice.ts). When office.js did not load or the page is not in
 * Excel, it says so and what to do (NoOffice); the browser preview is a page of its own (preview.html).
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { Connecting, NoOffice, openedByOffice } from './NoOffice';
import { loadOfficeJs, officeReady } from './loadOffice';
import { themeFor } from './theme';
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { loadSettings } from '../office/settings';
import { workerEngine } from './engineClient';

function renderExcel(root: Root): void {
  const storage = browserStorage();
  const settings = loadSettings(storage, Office.context.displayLanguage);
  const host = excelHostFromOffice(workerEngine());
  const theme = themeFor(Office.context.officeTheme?.bodyBackgroundColor, false);
  document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App host={host} initialSettings={settings} storage={storage} initialAction={new URLSearchParams(window.location.search).get('action')} />
    </FluentProvider>,
  );
}

/** Before Office has spoken: the browser's language and colour scheme. */
function renderPlain(root: Root, pane: (lang: 'zh' | 'en') => React.ReactElement): void {
  const settings = loadSettings(browserStorage(), navigator.language);
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
  const loaded = await loadOfficeJs(document);
  const info = loaded === 'loaded' && typeof Office !== 'undefined' && typeof Office.onReady === 'function' ? await officeReady() : null;
  if (info && info.host === Office.HostType.Excel) renderExcel(root);
  else renderPlain(root, (lang) => <NoOffice why={info ? 'browser' : why} lang={lang} />);
}

void start();
