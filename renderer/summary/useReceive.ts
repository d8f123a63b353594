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
 * cancelled or fails, then calls `onFinished` with the last state. A job the workspace
 * was receiving when its screen opened (`underWay`: started before the clerk left the
 * screen, or before a reload) is followed the same way.
 */
export function useReceive(
  workspaceId: number | undefined,
  underWay: ReceiveProgress | null | undefined,
  onFinished: (progress: ReceiveProgress) => void,
): Receiving {
  const { message } = AntApp.useApp();
  // The job this page started or followed, with its workspace: another workspace's (the year changed) is not shown.
  const [followed, setFollowed] = useState<{ readonly workspaceId: number | undefined; readonly progress: ReceiveProgress } | undefined>(undefined);
  const setProgress = (next: ReceiveProgress) => setFollowed({ workspaceId, progress: next });
  const progress = (followed && followed.workspaceId === workspaceId ? followed.progress : undefined) ?? (underWay && !underWay.finished ? underWay : undefined);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const shown = useRef(progress);
  shown.current = progress;
  const jobId = progress && !progress.finished ? progress.jobId : undefined;

  useEffect(() => {
    if (jobId === undefined) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // One question at a time: on a busy PC answers can take longer than POLL_MS, and
    // questions asked on a timer would pile up behind each other.
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
          // Marked as ended (not forgotten), so a job the screen opened with is not followed again.
          const why = reason(error);
          message.error(why);
          if (shown.current) setProgress({ ...shown.current, finished: true, current: null, error: why });
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
