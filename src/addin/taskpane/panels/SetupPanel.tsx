import { Body1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { session, updateSession } from '../../shared/session';
import type { SetUpResult } from '../actions';
import { ActionSection } from '../components/ActionSection';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** 设置工作簿: what the session needs (password, user) and the set-up of the evaluation sheets. */
export function SetupPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.setup;
  const [title, setTitle] = useState('');
  const [password, setPassword] = useState(() => session().password ?? '');
  const [user, setUser] = useState(() => session().user ?? '');
  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <Field label={t.password} hint={t.passwordHint}>
        <Input
          type="password"
          autoComplete="off"
          value={password}
          onChange={(_, d) => {
            setPassword(d.value);
            updateSession({ password: d.value || undefined });
          }}
        />
      </Field>
      <Field label={t.user} hint={t.userHint}>
        <Input
          value={user}
          onChange={(_, d) => {
            setUser(d.value);
            updateSession({ user: d.value || undefined });
          }}
        />
      </Field>
      <ActionSection<SetUpResult>
        label={t.button}
        confirm={t.confirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.setUpWorkbook(title.trim())}
        // A generated password goes into the field too (the session already holds it).
        onDone={(result) => result.password && setPassword(result.password)}
        after={(result) =>
          result.password ? (
            <MessageBar intent="warning" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{t.passwordTitle}</MessageBarTitle>
                {t.passwordNote(result.password)}
              </MessageBarBody>
            </MessageBar>
          ) : null
        }
      >
        <Field label={t.title} hint={t.titleHint}>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
      </ActionSection>
      <Body1 id="help">{strings.help}</Body1>
    </div>
  );
}
