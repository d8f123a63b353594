import { createContext, useContext, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { MenuCommand } from '../shared/ipc/contract.ts';
import { nianbao } from './api.ts';

/**
 * Commands from the native menus (文件/编辑/视图/帮助). The screen on view handles the
 * commands it knows (the editor: export, print, history; home: new report, import); the
 * app handles the rest.
 */
export type MenuHandlers = Partial<Record<MenuCommand, () => void>>;

const Registry = createContext<Set<{ current: MenuHandlers }> | undefined>(undefined);

export function MenuCommandProvider({ fallback, children }: { readonly fallback: (command: MenuCommand) => void; readonly children: ReactNode }) {
  const registry = useRef(new Set<{ current: MenuHandlers }>());
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useEffect(
    () =>
      nianbao.menu.onCommand((command) => {
        // The screen registered last (the one on view) goes first.
        const handler = [...registry.current].reverse().find((handlers) => handlers.current[command])?.current[command];
        if (handler) handler();
        else fallbackRef.current(command);
      }),
    [],
  );
  return <Registry.Provider value={registry.current}>{children}</Registry.Provider>;
}

/** Handles the given menu commands while the calling component is on screen. */
export function useMenuCommands(handlers: MenuHandlers): void {
  const registry = useContext(Registry);
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    registry?.add(ref);
    return () => void registry?.delete(ref);
  }, [registry]);
}
