import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { FindingView } from '../actions';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '4px' },
  entry: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', height: 'auto', paddingBlock: '4px' },
  text: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteMarigoldForeground1, fontWeight: tokens.fontWeightSemibold },
  plain: { paddingInline: '12px', paddingBlock: '4px' },
});

export interface FindingsListProps {
  findings: FindingView[];
  strings: Strings;
  /** Selects the finding's cell in the workbook. */
  onSelect: (cell: string) => void;
}

/** Findings, errors first; each one with a cell is a button that takes the clerk to that cell. */
export function FindingsList({ findings, strings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section aria-label={strings.findings.title}>
      <Subtitle2 as="h3">
        {strings.findings.title}：{strings.findings.count(errors, findings.length - errors)}
      </Subtitle2>
      {findings.length === 0 ? (
        <p>{strings.findings.none}</p>
      ) : (
        <ul className={styles.list}>
          {sorted.map((f, i) => {
            const severity = (
              <span className={f.severity === 'error' ? styles.error : styles.warning}>
                {f.severity === 'error' ? strings.findings.error : strings.findings.warning}
              </span>
            );
            const body = (
              <span className={styles.text}>
                <span>
                  {severity} {f.message}
                </span>
                <Caption1>{f.cell ?? strings.findings.noCell}</Caption1>
              </span>
            );
            return (
              <li key={`${i}-${f.cell ?? ''}`}>
                {f.cell ? (
                  <Button
                    className={styles.entry}
                    appearance="subtle"
                    title={strings.findings.goTo(f.cell)}
                    aria-label={`${strings.findings.goTo(f.cell)}：${f.message}`}
                    onClick={() => onSelect(f.cell!)}
                  >
                    {body}
                  </Button>
                ) : (
                  <div className={styles.plain}>{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
