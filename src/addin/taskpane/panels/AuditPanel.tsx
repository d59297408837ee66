import { Body1 } from '@fluentui/react-components';
import { ActionSection } from '../components/ActionSection';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** The audit and the score archive only read, so they run without a confirmation. */
export function AuditPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  return (
    <div className={styles.panel}>
      <Body1>{strings.audit.intro}</Body1>
      <ActionSection
        label={strings.audit.button}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.audit()}
      />
      <ActionSection
        title={strings.audit.archiveTitle}
        intro={strings.audit.archiveIntro}
        label={strings.audit.archiveCsv}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.exportScores('csv')}
      />
      <ActionSection
        label={strings.audit.archiveXlsx}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.exportScores('xlsx')}
      />
    </div>
  );
}
