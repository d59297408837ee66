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
import type { CaseResultView } from '../actions';
import type { Strings } from '../i18n';

const GRADES = ['一等', '二等', '三等', '无评级'];

const useStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', rowGap: '4px', maxWidth: '320px' },
  bar: { display: 'grid', gridTemplateColumns: '4em 1fr 2.5em', alignItems: 'center', columnGap: '6px' },
  track: { height: '12px', backgroundColor: '#EDEBE9', borderRadius: '2px' },
  fill: { height: '12px', backgroundColor: '#0F6CBD', borderRadius: '2px' },
  table: { maxWidth: '100%' },
});

/** After 计算等级: the grade distribution as a small bar chart, and every case's result. */
export function ResultsView({
  results,
  grades,
  strings,
}: {
  results: CaseResultView[];
  grades: Record<string, number>;
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
    </>
  );
}
