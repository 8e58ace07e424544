/**
 * Entry of the task pane. Inside Excel it runs over office-js; opened in a plain browser (office.js
 * absent or not in an Office host) it starts the preview over the bundled sample workbook.
 */
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { themeFor } from './theme';
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { loadSettings } from '../office/settings';

async function inExcel(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

function renderExcel(root: Root): void {
  const storage = browserStorage();
  const settings = loadSettings(storage, Office.context.displayLanguage);
  const host = excelHostFromOffice();
  const theme = themeFor(Office.context.officeTheme?.bodyBackgroundColor, false);
  document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App host={host} initialSettings={settings} storage={storage} />
    </FluentProvider>,
  );
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  if (await inExcel()) {
    renderExcel(root);
    return;
  }
  const { startPreview } = await import(/* webpackChunkName: "preview" */ '../preview/startPreview');
  await startPreview(root, browserStorage());
}

void start();
