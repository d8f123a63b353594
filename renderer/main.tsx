import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '@fontsource/noto-sans-sc/400.css';
import './styles/app.css';
import { App } from './App.tsx';

/** The UI face: the system's Chinese UI font, else the bundled Noto Sans SC (the app never goes online). */
const FONT_FAMILY = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { fontFamily: FONT_FAMILY, borderRadius: 4, colorPrimary: '#1d5fa7' } }}>
      <AntApp className="nb-app">
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
