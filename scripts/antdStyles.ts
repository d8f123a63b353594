import { createElement as h } from 'react';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  Alert, App, Button, Checkbox, Collapse, ConfigProvider, DatePicker, Descriptions, Drawer, Dropdown, Empty, Form, Input, InputNumber,
  List, Modal, Popconfirm, Progress, Radio, Result, Segmented, Select, Space, Spin, Switch, Table, Tabs, Tag, Tooltip, Typography,
} from 'antd';
import type { Plugin } from 'vite';
import { THEME } from '../renderer/theme.ts';

/**
 * antd computes each component's styles in the page when the component first renders and
 * inserts them one <style> at a time: most of the home screen's start-up. This plugin
 * renders the components the renderer uses once at build time, with the app's theme, and
 * serves their styles as `virtual:antd-styles.css`, with the record antd reads to skip
 * what the file holds (its server-rendering path). A component missing here still works:
 * antd computes its styles in the page as before.
 */

const MODULE_ID = 'virtual:antd-styles.css';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** One of each antd component the renderer uses, with the props it needs to render. */
function components(): ReactElement[] {
  const child = h('span', null, 'x');
  return [
    h(App, null), h(Alert, { title: 'x' }), h(Button, null), h(Checkbox, null), h(Checkbox.Group, { options: ['x'] }),
    h(Collapse, { items: [{ key: 'x', label: 'x', children: child }] }), h(DatePicker, null), h(Descriptions, { items: [{ label: 'x', children: child }] }),
    h(Drawer, null), h(Dropdown, { menu: { items: [{ key: 'x', label: 'x' }] } }, child), h(Empty, null),
    h(Form, null, h(Form.Item, { label: 'x' }, h(Input, null))), h(Input, null), h(Input.TextArea, null), h(InputNumber, null),
    h(List, { dataSource: ['x'], renderItem: () => h(List.Item, null, child) }), h(Modal, null),
    h(Popconfirm, { title: 'x' }, child), h(Progress, { percent: 1 }), h(Radio.Group, { options: ['x'] }), h(Radio.Group, { optionType: 'button', options: ['x'] }),
    h(Result, { title: 'x' }), h(Segmented, { options: ['x'] }), h(Select, null), h(Space, null, child), h(Space.Compact, null, child), h(Spin, null),
    h(Switch, null), h(Table, { columns: [{ title: 'x', dataIndex: 'x' }], dataSource: [{ key: 'x', x: 'x' }] }),
    h(Tabs, { items: [{ key: 'x', label: 'x', children: child }] }), h(Tag, null), h(Tag, { color: 'success' }), h(Tooltip, { title: 'x' }, child),
    h(Typography.Title, null), h(Typography.Paragraph, null), h(Typography.Text, null),
  ];
}

/** The styles of `components()` under the app's theme, as CSS, with antd's record of them. */
export function antdStyles(): string {
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: THEME }, ...components())));
  return extractStyle(cache, { plain: true, types: 'style' });
}

export function antdStaticStyles(): Plugin {
  return {
    name: 'nianbao-antd-static-styles',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? antdStyles() : undefined),
  };
}
