/**
 * Entry of the task pane, inside Excel over office-js. When office.js did not load or the page is not
 * in Excel, it says so and what to do (NoOffice); the browser preview is a page of its own (preview.html).
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { NoOffice, openedByOffice } from './NoOffice';
import { themeFor } from './theme';
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { loadSettings } from '../office/settings';

function renderExcel(root: Root): void {
  const storage = browserStorage();
  const settings = loadSettings(storage, Office.context.displayLanguage);
  const host = excelHostFromOffice();
  const theme = themeFor(Office.context.officeTheme?.bodyBackgroundColor, false);
  document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App host={host} initialSettings={settings} storage={storage} initialAction={new URLSearchParams(window.location.search).get('action')} />
    </FluentProvider>,
  );
}

function renderNoOffice(root: Root, why: 'blocked' | 'browser'): void {
  const settings = loadSettings(browserStorage(), navigator.language);
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  root.render(
    <FluentProvider theme={themeFor(undefined, dark)} style={{ minHeight: '100vh' }}>
      <NoOffice why={why} lang={settings.lang} />
    </FluentProvider>,
  );
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    renderNoOffice(root, openedByOffice(window.location, window.parent !== window) ? 'blocked' : 'browser');
    return;
  }
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) renderExcel(root);
  else renderNoOffice(root, 'browser');
}

void start();
