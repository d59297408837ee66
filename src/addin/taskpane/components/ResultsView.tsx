import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { AgreementJson } from '../../../core/report/scoreJson';
import { ROUND_IDS } from '../../../core/panel/types';
import type { CaseResultView } from '../actions';
import type { Strings } from '../i18n';

const GRADES = ['一等', '二等', '三等', '无评级'];

const useStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', rowGap: '4px', maxWidth: '320px' },
  bar: { display: 'grid', gridTemplateColumns: '4em 1fr 2.5em', alignItems: 'center', columnGap: '6px' },
  track: { height: '12px', backgroundColor: '#EDEBE9', borderRadius: '2px' },
  fill: { height: '12px', backgroundColor: '#0F6CBD', borderRadius: '2px' },
  table: { maxWidth: '100%' },
  // A large panel's results scroll within the pane instead of pushing the agreement table pages down.
  scroll: { maxHeight: '24em', overflowY: 'auto' },
});

/** The most lenient and the most strict expert of a round, by the engine's leniency ("+2.35", "-1.50"). */
function extremes(agreement: AgreementJson, round: string): [string, string] | null {
  const scored = agreement.experts.filter((e) => e.round === round && e.leniency !== null);
  if (scored.length < 2) return null;
  // Two decimals, signed: compared as whole hundredths, no floating point.
  const hundredths = (l: string): bigint => BigInt(l.replace(/[+.]/g, ''));
  const sorted = [...scored].sort((a, b) => {
    const d = hundredths(b.leniency!) - hundredths(a.leniency!);
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  });
  const at = (e: (typeof scored)[number]): string => `${e.expert} ${e.leniency}`;
  return [at(sorted[0]!), at(sorted[sorted.length - 1]!)];
}

/** After 计算等级: the grade distribution as a small bar chart, every case's result, and how far experts agree. */
export function ResultsView({
  results,
  grades,
  agreement,
  strings,
}: {
  results: CaseResultView[];
  grades: Record<string, number>;
  agreement?: AgreementJson;
  strings: Strings;
}) {
  const styles = useStyles();
  const t = strings.compute;
  const most = Math.max(1, ...GRADES.map((g) => grades[g] ?? 0));
  return (
    <>
      <div
        className={styles.chart}
        role="img"
        aria-label={t.chartLabel(GRADES.map((g) => `${g} ${grades[g] ?? 0}`).join('，'))}
      >
        <Caption1>{t.chartTitle}</Caption1>
        {GRADES.map((g) => (
          <div key={g} className={styles.bar}>
            <span>{g}</span>
            <div className={styles.track}>
              <div className={styles.fill} style={{ width: `${((grades[g] ?? 0) / most) * 100}%` }} />
            </div>
            <span>{grades[g] ?? 0}</span>
          </div>
        ))}
      </div>
      <div className={styles.scroll} tabIndex={0}>
        <Table size="extra-small" aria-label={t.resultsTitle} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.colCase}</TableHeaderCell>
              <TableHeaderCell>{t.colScore}</TableHeaderCell>
              <TableHeaderCell>{t.colGrade}</TableHeaderCell>
              <TableHeaderCell>{t.colStatus}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {results.map((r) => (
              <TableRow key={r.id}>
                <TableCell title={r.name}>{r.id}</TableCell>
                <TableCell>{r.score ?? '—'}</TableCell>
                <TableCell>{r.grade ?? '—'}</TableCell>
                <TableCell>{r.status}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {agreement && Object.keys(agreement.rounds).length > 0 && <Caption1>{t.agreementTitle}</Caption1>}
      {agreement && Object.keys(agreement.rounds).length > 0 && (
        <Table size="extra-small" aria-label={t.agreementTitle} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.colRound}</TableHeaderCell>
              <TableHeaderCell>{t.colW}</TableHeaderCell>
              <TableHeaderCell>{t.colReading}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ROUND_IDS.filter((rid) => agreement.rounds[rid]).map((rid) => {
              const a = agreement.rounds[rid]!;
              const ends = extremes(agreement, rid);
              return (
                <TableRow key={rid}>
                  <TableCell>{strings.rounds[rid]}</TableCell>
                  <TableCell>{a.kendallW ?? '—'}</TableCell>
                  <TableCell>
                    {t.readingOfW(a.kendallW, a)}
                    {ends ? `（${t.extremes(ends[0], ends[1])}）` : ''}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
