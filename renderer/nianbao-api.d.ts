import type { NianbaoApi } from '../shared/ipc/api.ts';

/** The API the preload (or the test harness) installs; built from shared/ipc/contract.ts. */
declare global {
  interface Window {
    readonly nianbao: NianbaoApi;
  }
}
