/**
 * The task pane in WPS 表格: the Excel add-in's pane (App) over the WPS host. WPS opens it with
 * Application.CreateTaskPane (see ribbon.ts) and gives the page the application object.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { NoOffice } from '../taskpane/NoOffice';
import { themeFor } from '../taskpane/theme';
import { browserStorage } from '../office/fromOffice';
import { loadSettings } from '../office/settings';
import { etApplication } from './et';
import { WpsHost } from './wpsHost';

const root = createRoot(document.getElementById('root')!);
const storage = browserStorage();
const settings = loadSettings(storage, navigator.language);
document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
const app = etApplication();
root.render(
  <FluentProvider theme={themeFor(undefined, false)} style={{ minHeight: '100vh' }}>
    {app ? <App host={new WpsHost(app)} initialSettings={settings} storage={storage} initialAction={new URLSearchParams(window.location.search).get('action')} /> : <NoOffice why="browser" lang={settings.lang} />}
  </FluentProvider>,
);
