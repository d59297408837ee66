import { Body1 } from '@fluentui/react-components';
import { ActionSection } from '../components/ActionSection';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** The audit only reads, so it runs without a confirmation. */
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
    </div>
  );
}
