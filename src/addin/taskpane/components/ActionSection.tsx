import { Body1, Subtitle2 } from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';
import type { ActionResult } from '../actions';
import type { Strings } from '../i18n';
import { useAction } from '../useAction';
import { usePanelStyles } from '../panels/layout';
import { ActionStatus } from './ActionStatus';
import { ConfirmButton } from './ConfirmButton';

export interface ActionSectionProps<T extends ActionResult> {
  title?: string;
  intro?: string;
  label: string;
  /** Asked before an action that changes the workbook; read-only actions run at once. */
  confirm?: string;
  /** The action, or a sentence saying what must be filled in first (nothing runs then). */
  run: () => Promise<T> | string;
  strings: Strings;
  onSelectCell: (cell: string) => void;
  /** The fields the action reads, shown above its button. */
  children?: ReactNode;
  /** More to show once the action is done (a generated password, the sheets made …). */
  after?: (result: T) => ReactNode;
  /** Told of the result as soon as the action is done. */
  onDone?: (result: T) => void;
}

/** One action of the task pane: its fields, its button (confirmed when it changes the workbook), its outcome. */
export function ActionSection<T extends ActionResult>(props: ActionSectionProps<T>) {
  const styles = usePanelStyles();
  const action = useAction<T>();
  // How many times the action was started, on the element: tests and assistive tools can tell one outcome from the next.
  const runs = useRef(0);
  const start = () => {
    runs.current++;
    const work = props.run();
    if (typeof work === 'string') return void action.run(() => Promise.reject(new Error(work)));
    void action.run(async () => {
      const result = await work;
      props.onDone?.(result);
      return result;
    });
  };
  return (
    <section
      className={styles.section}
      aria-label={props.title ?? props.label}
      data-runs={runs.current}
      data-status={action.state.status}
    >
      {props.title && <Subtitle2 as="h3">{props.title}</Subtitle2>}
      {props.intro && <Body1>{props.intro}</Body1>}
      {props.children}
      <div className={styles.row}>
        <ConfirmButton
          label={props.label}
          confirm={props.confirm}
          disabled={action.busy}
          onConfirm={start}
          strings={props.strings}
        />
      </div>
      <ActionStatus state={action.state} strings={props.strings} onSelectCell={props.onSelectCell} />
      {action.state.status === 'done' && props.after?.(action.state.result)}
    </section>
  );
}
