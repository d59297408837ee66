import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { ActionResult } from '../actions';
import type { Strings } from '../i18n';
import type { ActionState } from '../useAction';
import { FindingsList } from './FindingsList';

export interface ActionStatusProps {
  state: ActionState<ActionResult>;
  strings: Strings;
  onSelectCell: (cell: string) => void;
}

/** Progress while an action runs, then its outcome and findings; announced to screen readers as it changes. */
export function ActionStatus({ state, strings, onSelectCell }: ActionStatusProps) {
  return (
    <div aria-live="polite" aria-busy={state.status === 'busy'}>
      {state.status === 'busy' && (
        <>
          <ProgressBar aria-label={strings.busy} />
          <Text size={200}>{strings.busy}</Text>
        </>
      )}
      {state.status === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.failed}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'done' && (
        <>
          <MessageBar intent={state.result.findings?.some((f) => f.severity === 'error') ? 'warning' : 'success'}>
            <MessageBarBody>
              <MessageBarTitle>{strings.done}</MessageBarTitle>
              {state.result.message}
            </MessageBarBody>
          </MessageBar>
          {state.result.findings && (
            <FindingsList findings={state.result.findings} strings={strings} onSelect={onSelectCell} />
          )}
        </>
      )}
    </div>
  );
}
