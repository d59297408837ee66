import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import { recentNotices, subscribe, type Notice } from '../shared/notices';
import { errorText, type TaskpaneActions } from './actions';
import { stringsFor, TAB_IDS, type Lang, type TabId } from './i18n';
import { AuditPanel } from './panels/AuditPanel';
import { CasesPanel } from './panels/CasesPanel';
import { ComputePanel } from './panels/ComputePanel';
import { NoticesPanel } from './panels/NoticesPanel';
import { ProgressPanel } from './panels/ProgressPanel';
import { SetupPanel } from './panels/SetupPanel';
import { SheetsPanel } from './panels/SheetsPanel';
import type { PanelProps } from './panels/types';

const PANELS: Record<TabId, ComponentType<PanelProps>> = {
  progress: ProgressPanel,
  setup: SetupPanel,
  cases: CasesPanel,
  sheets: SheetsPanel,
  compute: ComputePanel,
  notices: NoticesPanel,
  audit: AuditPanel,
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    padding: '12px',
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  tabs: { flexWrap: 'wrap' },
});

export interface AppProps {
  actions: TaskpaneActions;
  lang: Lang;
  /** False when the page runs in a plain browser: the UI still renders, actions will fail with a message. */
  inOffice: boolean;
  initialTab?: TabId;
}

export function App({ actions, lang, inOffice, initialTab = 'setup' }: AppProps) {
  const styles = useStyles();
  const strings = stringsFor(lang);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [notices, setNotices] = useState<Notice[]>(() => recentNotices().filter((n) => n.kind !== 'success'));

  const report = useCallback(
    (n: Notice) => setNotices((list) => [...list.filter((x) => x.at !== n.at), n].slice(-5)),
    [],
  );
  useEffect(() => subscribe(report), [report]);

  const onSelectCell = useCallback(
    (cell: string) => {
      actions
        .selectCell(cell)
        .catch((e: unknown) => report({ kind: 'error', title: cell, message: errorText(e), at: Date.now() }));
    },
    [actions, report],
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <main className={styles.root}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        {!inOffice && (
          <MessageBar intent="info">
            <MessageBarBody>{strings.outsideOffice}</MessageBarBody>
          </MessageBar>
        )}
        {notices.map((n) => (
          <MessageBar key={n.at} intent={n.kind} aria-live="polite">
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.message}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={strings.dismiss}
                  onClick={() => setNotices((list) => list.filter((x) => x.at !== n.at))}
                >
                  ×
                </Button>
              }
            />
          </MessageBar>
        ))}
        <TabList
          className={styles.tabs}
          aria-label={strings.tablistLabel}
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
        >
          {TAB_IDS.map((id) => (
            <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
              {strings.tabs[id]}
            </Tab>
          ))}
        </TabList>
        {/* Every panel stays mounted so a running action and its findings survive a change of tab. */}
        {TAB_IDS.map((id) => {
          const Panel = PANELS[id];
          return (
            <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id}>
              <Panel actions={actions} strings={strings} onSelectCell={onSelectCell} />
            </div>
          );
        })}
      </main>
    </FluentProvider>
  );
}
