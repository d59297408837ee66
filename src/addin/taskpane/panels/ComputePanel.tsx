import { Body1 } from '@fluentui/react-components';
import type { ActionResult } from '../actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAction } from '../useAction';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

export function ComputePanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const compute = useAction<ActionResult>();
  return (
    <div className={styles.panel}>
      <Body1>{strings.compute.intro}</Body1>
      <div className={styles.row}>
        <ConfirmButton
          label={strings.compute.button}
          confirm={strings.compute.confirm}
          disabled={compute.busy}
          onConfirm={() => void compute.run(() => actions.computeGrades())}
          strings={strings}
        />
      </div>
      <ActionStatus state={compute.state} strings={strings} onSelectCell={onSelectCell} />
    </div>
  );
}
