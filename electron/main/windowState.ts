import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from 'electron';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

/** The main window's size and place, remembered in a small JSON file in userData. */

const FILE = 'window-state.json';

/** 1366×768 is the common office screen; the window fits it with the taskbar. */
const DEFAULT_SIZE = { width: 1366, height: 728 };
export const MINIMUM_SIZE = { width: 1024, height: 640 };

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MINIMUM_SIZE.width),
  height: z.number().int().min(MINIMUM_SIZE.height),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

function visibleOnSomeDisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(a.x + a.width, bounds.x + bounds.width) - Math.max(a.x, bounds.x);
    const overlapY = Math.min(a.y + a.height, bounds.y + bounds.height) - Math.max(a.y, bounds.y);
    return overlapX >= 100 && overlapY >= 100;
  });
}

/** The remembered bounds when they are still on a screen; else a default size, centred. */
export function loadWindowState(userData: string): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  try {
    const state = stateSchema.parse(JSON.parse(readFileSync(join(userData, FILE), 'utf8')));
    if (visibleOnSomeDisplay(state)) {
      const { maximized, ...bounds } = state;
      return { bounds, maximized };
    }
  } catch {
    // First start, or an unreadable file: start with the default size.
  }
  const { workAreaSize } = screen.getPrimaryDisplay();
  return {
    bounds: { width: Math.min(DEFAULT_SIZE.width, workAreaSize.width), height: Math.min(DEFAULT_SIZE.height, workAreaSize.height) },
    maximized: false,
  };
}

/** Saves the window's normal (unmaximised) bounds when it closes. */
export function rememberWindowState(window: BrowserWindow, userData: string): void {
  window.on('close', () => {
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(join(userData, FILE), JSON.stringify(state));
    } catch (error) {
      console.warn('无法保存窗口位置：', error);
    }
  });
}
