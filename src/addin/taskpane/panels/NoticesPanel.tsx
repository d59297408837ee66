import { Body1 } from '@fluentui/react-components';
import type { ActionResult } from '../actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAction } from '../useAction';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

export function NoticesPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const notices = useAction<ActionResult>();
  return (
    <div className={styles.panel}>
      <Body1>{strings.notices.intro}</Body1>
      <div className={styles.row}>
        <ConfirmButton
          label={strings.notices.button}
          confirm={strings.notices.confirm}
          disabled={notices.busy}
          onConfirm={() => void notices.run(() => actions.makeNotices())}
          strings={strings}
        />
      </div>
      <ActionStatus state={notices.state} strings={strings} onSelectCell={onSelectCell} />
    </div>
  );
}
