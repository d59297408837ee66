import { Body1 } from '@fluentui/react-components';
import type { ActionResult } from '../actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAction } from '../useAction';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** The audit only reads, so it runs without a confirmation. */
export function AuditPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const audit = useAction<ActionResult>();
  return (
    <div className={styles.panel}>
      <Body1>{strings.audit.intro}</Body1>
      <div className={styles.row}>
        <ConfirmButton
          label={strings.audit.button}
          disabled={audit.busy}
          onConfirm={() => void audit.run(() => actions.audit())}
          strings={strings}
        />
      </div>
      <ActionStatus state={audit.state} strings={strings} onSelectCell={onSelectCell} />
    </div>
  );
}
