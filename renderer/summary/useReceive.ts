import { useEffect, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { ReceiveProgress } from '../../shared/ipc/contract.ts';
import { nianbao, reason } from '../api.ts';

/** How long the page waits after each answer before asking how far a receiving job is again. */
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One question at a time: on a busy PC answers can take longer than POLL_MS, and main
    // forgets a finished job once its last state is read, so a second question in flight
    // would be answered "没有找到这次接收" just after the job's end.
    const ask = (): void => {
      nianbao.summary.receiveProgress({ jobId }).then(
        (next) => {
          if (stopped) return;
          setProgress(next);
          if (next.finished) finished.current(next);
          else timer = setTimeout(ask, POLL_MS);
        },
        (error: unknown) => {
          if (stopped) return;
          message.error(reason(error));
          setProgress(undefined);
        },
      );
    };
    timer = setTimeout(ask, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
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
