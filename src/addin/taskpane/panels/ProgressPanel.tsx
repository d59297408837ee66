import {
  Body1,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ProgressView } from '../actions';
import { ActionSection } from '../components/ActionSection';
import { ResultsView } from '../components/ResultsView';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** 进度: where the evaluation stands, round by round, and the one next step. */
export function ProgressPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.progress;
  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <ActionSection<ProgressView>
        label={t.button}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.progress()}
        after={({ status: s }) => (
          <>
            <Subtitle2 as="h3">{t.next}</Subtitle2>
            <Body1 aria-label={t.next}>{s.next}</Body1>
            <Body1>
              {t.registers(
                s.cases.registered,
                s.cases.passed,
                s.cases.failed,
                s.cases.pending,
                s.cases.unreviewed,
                s.experts,
              )}
            </Body1>
            <Table size="extra-small" aria-label={t.roundsTitle}>
              <TableHeader>
                <TableRow>
                  {[t.colRound, t.colCases, t.colExperts, t.colSheets, t.colReturned, t.colComplete].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.rounds.map((r) => (
                  <TableRow key={r.round}>
                    <TableCell>{strings.rounds[r.round]}</TableCell>
                    <TableCell>{r.cases}</TableCell>
                    <TableCell>{r.experts}</TableCell>
                    <TableCell>{r.sheets}</TableCell>
                    <TableCell>{r.returned}</TableCell>
                    <TableCell>{r.complete}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {s.rounds.flatMap((r) =>
              r.missing.map((m) => (
                <Caption1 key={`${r.round}-${m.expert}`}>
                  {t.missing(strings.rounds[r.round], m.expert, m.cases)}
                </Caption1>
              )),
            )}
            <Body1>
              {s.computed
                ? t.computed(s.computed.at, s.computed.inputsChanged, s.findings.errors, s.findings.warnings)
                : t.notComputed}
            </Body1>
            {s.computed && <ResultsView results={s.results} grades={s.grades} strings={strings} />}
          </>
        )}
      />
    </div>
  );
}
