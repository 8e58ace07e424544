/**
 * The pane inside Excel, once office.js is ready: the app over the Excel host, whose checks run in the
 * pane's Web Worker. A chunk of its own, fetched while office.js loads, so the frame (index.tsx) is
 * drawn from a small first script.
 */
import * as React from 'react';
import type { Root } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './App';
import { themeFor } from './theme';
import { browserStorage, excelHostFromOffice } from '../office/fromOffice';
import { loadSettings } from '../office/settings';
import { workerEngine } from './engineClient';

export function renderExcel(root: Root): void {
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
