import { Body1, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { RoundId } from '../../../core/panel/types';
import type { ComputeView } from '../actions';
import { ActionSection } from '../components/ActionSection';
import { ResultsView } from '../components/ResultsView';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

type Rule = 'top' | 'threshold' | 'majority';

/** 计算与晋级: compute grades, then decide which cases go on to the next round. */
export function ComputePanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.compute;
  const [from, setFrom] = useState<RoundId>('initial');
  const [rule, setRule] = useState<Rule>('top');
  const [value, setValue] = useState('');
  const advance = () => {
    if (rule === 'majority') return actions.advanceRound(from, { kind: 'majority' });
    const text = value.trim();
    if (rule === 'top')
      return /^[1-9]\d*$/.test(text) ? actions.advanceRound(from, { kind: 'top', n: Number(text) }) : t.valueInvalid;
    return /^\d{1,3}(\.\d+)?$/.test(text)
      ? actions.advanceRound(from, { kind: 'threshold', min: text })
      : t.valueInvalid;
  };
  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <ActionSection<ComputeView>
        label={t.button}
        confirm={t.confirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.computeGrades()}
        after={(r) => <ResultsView results={r.results} grades={r.grades} agreement={r.agreement} strings={strings} />}
      />
      <ActionSection
        title={t.advanceTitle}
        intro={t.advanceIntro}
        label={t.advanceButton}
        confirm={t.advanceConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={advance}
      >
        <Field label={t.from}>
          <Select value={from} onChange={(_, d) => setFrom(d.value as RoundId)}>
            {(['initial', 'review'] as const).map((r) => (
              <option key={r} value={r}>
                {strings.rounds[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.rule}>
          <RadioGroup value={rule} onChange={(_, d) => setRule(d.value as Rule)}>
            <Radio value="top" label={t.ruleTop} />
            <Radio value="threshold" label={t.ruleThreshold} />
            <Radio value="majority" label={t.ruleMajority} />
          </RadioGroup>
        </Field>
        {rule !== 'majority' && (
          <Field label={t.value}>
            <Input inputMode="decimal" value={value} onChange={(_, d) => setValue(d.value)} />
          </Field>
        )}
      </ActionSection>
    </div>
  );
}
