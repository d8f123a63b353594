import { useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import type { AgencyRecord, ImportReview, MenuCommand } from '../shared/ipc/contract.ts';
import { nianbao } from './api.ts';
import { useAppActions } from './appActions.tsx';
import { HomeScreen } from './home/HomeScreen.tsx';
import type { ReportSource } from './home/NewReportDialog.tsx';
import { MenuCommandProvider } from './menuCommands.tsx';
import { formatRoute, parseRoute } from './route.ts';
import type { Route } from './route.ts';
import { ImportReviewScreen, ReportScreen, SummaryScreen } from './screens.tsx';

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => void (location.hash = formatRoute(next))];
}

/** Tells once, at start, what the user must know (e.g. the database was restored from a backup). */
function useStartupNotices(): void {
  const { modal } = AntApp.useApp();
  useEffect(() => {
    nianbao.app.startupNotices().then(
      (notices) => {
        for (const notice of notices) {
          (notice.level === 'warning' ? modal.warning : modal.info)({ title: '请注意', content: notice.message, okText: '知道了' });
        }
      },
      () => undefined,
    );
  }, [modal]);
}

const NEW_REPORT_COMMANDS: Partial<Record<MenuCommand, ReportSource>> = {
  'new-report': 'blank',
  'import-report': 'published',
  'import-exchange': 'exchange',
};

export function App() {
  const { message } = AntApp.useApp();
  const [route, go] = useRoute();
  const [review, setReview] = useState<{ review: ImportReview; agency: AgencyRecord; year: number } | undefined>(undefined);
  const [startWith, setStartWith] = useState<ReportSource | undefined>(undefined);
  // After a restore from backup every screen reads the data afresh.
  const [generation, setGeneration] = useState(0);
  const actions = useAppActions(() => {
    setReview(undefined);
    setGeneration((g) => g + 1);
    go({ screen: 'home' });
  });
  useStartupNotices();
  const openReport = (reportId: number) => go({ screen: 'report', reportId, step: 'agency' });

  /** Menu commands the screen on view does not handle. */
  const fallback = (command: MenuCommand): void => {
    if (command === 'backup') actions.backup();
    else if (command === 'restore-backup') actions.restore();
    else if (command === 'about') actions.about();
    else if (NEW_REPORT_COMMANDS[command]) {
      setReview(undefined);
      setStartWith(NEW_REPORT_COMMANDS[command]);
      setGeneration((g) => g + 1);
      go({ screen: 'home' });
    } else message.info('请先打开一份报告');
  };

  let screen;
  if (review) {
    screen = (
      <ImportReviewScreen.Screen
        review={review.review}
        agency={review.agency}
        chosenYear={review.year}
        onCancel={() => setReview(undefined)}
        onCreated={(report) => {
          setReview(undefined);
          openReport(report.id);
        }}
      />
    );
  } else if (route.screen === 'summary') {
    screen = <SummaryScreen.Screen key={`${generation}:${route.agencyId}:${route.year}`} route={route} onRoute={go} onHome={() => go({ screen: 'home', agencyId: route.agencyId })} />;
  } else if (route.screen === 'report') {
    screen = (
      <ReportScreen.Screen
        key={generation}
        reportId={route.reportId}
        step={route.step}
        onStep={(step) => go({ ...route, step })}
        onHome={() => go({ screen: 'home' })}
      />
    );
  } else {
    screen = (
      <HomeScreen
        key={generation}
        agencyId={route.agencyId}
        startWith={startWith}
        actions={actions}
        onAgency={(agencyId) => go({ screen: 'home', agencyId })}
        onSummary={(agencyId, year) => go({ screen: 'summary', agencyId, year, view: 'units' })}
        onOpen={(report) => {
          setStartWith(undefined);
          openReport(report.id);
        }}
        onReview={(r, agency, year) => {
          setStartWith(undefined);
          setReview({ review: r, agency, year });
        }}
      />
    );
  }
  return (
    <MenuCommandProvider fallback={fallback}>
      {screen}
      {actions.dialogs}
    </MenuCommandProvider>
  );
}
