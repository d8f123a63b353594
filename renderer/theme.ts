import type { ThemeConfig } from 'antd';

/** The UI face: the system's Chinese UI font, else the bundled Noto Sans SC (the app never goes online). */
const FONT_FAMILY = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/**
 * The app's antd theme: the page's ConfigProvider and the styles built ahead of time
 * (scripts/antdStyles.ts) both use it. Not hashed: the page has one theme, so antd's
 * `:where(.css-<hash>)` before each selector (zero specificity) only made the built
 * stylesheet 99 KB (14 %) larger to send and parse; every antd element and every link the app
 * draws is inside antd's App root, so the same rules apply to the same elements.
 */
export const THEME: ThemeConfig = { hashed: false, token: { fontFamily: FONT_FAMILY, borderRadius: 4, colorPrimary: '#1d5fa7' } };
