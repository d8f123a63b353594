import type { ThemeConfig } from 'antd';

/** The UI face: the system's Chinese UI font, else the bundled Noto Sans SC (the app never goes online). */
const FONT_FAMILY = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** The app's antd theme: the page's ConfigProvider and the styles built ahead of time (scripts/antdStyles.ts) both use it. */
export const THEME: ThemeConfig = { token: { fontFamily: FONT_FAMILY, borderRadius: 4, colorPrimary: '#1d5fa7' } };
