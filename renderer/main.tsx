import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '@fontsource/noto-sans-sc/400.css';
// antd's styles for our theme, built ahead of time: antd skips computing and inserting the ones it finds there.
import 'virtual:antd-styles.css';
import './styles/app.css';
import { App } from './App.tsx';
import { startOpeningReport } from './editor/openReport.ts';
import { startReadingHome } from './home/homeData.ts';
import { parseRoute } from './route.ts';
import { loadScreenOf } from './screens.tsx';
import { THEME } from './theme.ts';

dayjs.locale('zh-cn');

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
        <AntApp className="nb-app">
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

// The first screen's read goes out now, while React renders the first frame (or another screen's script loads).
const route = parseRoute(location.hash);
if (route.screen === 'home') startReadingHome(route.agencyId);
if (route.screen === 'report') startOpeningReport(route.reportId);
// Not a top-level await: Rolldown then stops merging shared chunks, and the start asks for 16 scripts instead of 8.
void loadScreenOf(route).then(render);
