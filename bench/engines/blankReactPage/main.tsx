import { createRoot } from 'react-dom/client';
import { Button, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

/** The renderer benchmark's engine: React and antd with one button, nothing of ours. */
createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN}>
    <Button data-ready="true">新建报告</Button>
  </ConfigProvider>,
);
