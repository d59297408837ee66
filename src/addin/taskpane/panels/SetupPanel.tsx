import { Body1 } from '@fluentui/react-components';
import type { ActionResult } from '../actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAction } from '../useAction';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

export function SetupPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const setup = useAction<ActionResult>();
  return (
    <div className={styles.panel}>
      <Body1>{strings.setup.intro}</Body1>
      <div className={styles.row}>
        <ConfirmButton
          label={strings.setup.button}
          confirm={strings.setup.confirm}
          disabled={setup.busy}
          onConfirm={() => void setup.run(() => actions.setUpWorkbook())}
          strings={strings}
        />
      </div>
      <ActionStatus state={setup.state} strings={strings} onSelectCell={onSelectCell} />
      <Body1 id="help">{strings.help}</Body1>
    </div>
  );
}
