import { useEffect, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { ReceiveProgress } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';

/** How often the page asks how far a receiving job is. */
const POLL_MS = 250;

export interface Receiving {
  /** The job under way (or just finished), or undefined. */
  readonly progress: ReceiveProgress | undefined;
  readonly start: (from: 'files' | 'folder') => void;
  readonly cancel: () => void;
}

/**
 * Receiving files or a folder: main reads them one by one off the window's thread; the
 * page polls the job's progress (the file being read, n of m) until it finishes, is
 * cancelled or fails, then calls `onFinished` with the last state.
 */
export function useReceive(workspaceId: number | undefined, onFinished: (progress: ReceiveProgress) => void): Receiving {
  const { message } = AntApp.useApp();
  const [progress, setProgress] = useState<ReceiveProgress | undefined>(undefined);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const jobId = progress && !progress.finished ? progress.jobId : undefined;

  useEffect(() => {
    if (jobId === undefined) return;
    let stopped = false;
    const timer = setInterval(() => {
      nianbao.summary.receiveProgress({ jobId }).then(
        (next) => {
          if (stopped) return;
          setProgress(next);
          if (next.finished) finished.current(next);
        },
        (error: unknown) => {
          if (stopped) return;
          message.error(reason(error));
          setProgress(undefined);
        },
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, message]);

  const start = (from: 'files' | 'folder'): void => {
    if (workspaceId === undefined || jobId !== undefined) return;
    const call = from === 'files' ? nianbao.summary.receiveFiles({ workspaceId }) : nianbao.summary.receiveFolder({ workspaceId });
    call.then(
      (started) => {
        if (!started) return;
        setProgress(started);
        if (started.finished) finished.current(started);
      },
      (error: unknown) => message.error(reason(error)),
    );
  };

  const cancel = (): void => {
    if (jobId !== undefined) nianbao.summary.receiveCancel({ jobId }).catch((error: unknown) => message.error(reason(error)));
  };

  return { progress, start, cancel };
}
