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
import { type EtApplication, PANE_ACTION_KEY, etApplication } from './et';
import { WpsHost } from './wpsHost';

/**
 * The pane is created once and reused (ribbon.ts): an action the ribbon asks of it later (填写计算值)
 * waits in PluginStorage, and the pane starts it afresh, as a new pane would on load.
 */
function PaneApp({ app, initial }: { readonly app: EtApplication; readonly initial: string | null }): React.JSX.Element {
  const [run, setRun] = React.useState({ n: 0, action: initial });
  React.useEffect(() => {
    const timer = setInterval(() => {
      const action = app.PluginStorage.getItem(PANE_ACTION_KEY);
      if (!action) return;
      app.PluginStorage.setItem(PANE_ACTION_KEY, '');
      setRun((r) => ({ n: r.n + 1, action }));
    }, 500);
    return () => clearInterval(timer);
  }, [app]);
  const host = React.useMemo(() => new WpsHost(app), [app]);
  return <App key={run.n} host={host} initialSettings={loadSettings(storage, navigator.language)} storage={storage} initialAction={run.action} />;
}

const root = createRoot(document.getElementById('root')!);
const storage = browserStorage();
const settings = loadSettings(storage, navigator.language);
document.documentElement.lang = settings.lang === 'en' ? 'en' : 'zh-CN';
const app = etApplication();
root.render(
  <FluentProvider theme={themeFor(undefined, false)} style={{ minHeight: '100vh' }}>
    {app ? <PaneApp app={app} initial={new URLSearchParams(window.location.search).get('action')} /> : <NoOffice why="browser" lang={settings.lang} />}
  </FluentProvider>,
);
