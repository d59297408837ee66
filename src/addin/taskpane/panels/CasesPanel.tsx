import { Body1, Button } from '@fluentui/react-components';
import { sheetRef } from '../../../workbook/address';
import { SHEET } from '../../../workbook/names';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** Cases and experts are registered in the workbook's own tables; the pane takes the clerk there. */
export function CasesPanel({ strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const open: [string, string][] = [
    [strings.cases.openCases, SHEET.cases],
    [strings.cases.openExperts, SHEET.experts],
    [strings.cases.openRounds, SHEET.rounds],
    [strings.cases.openHolidays, SHEET.holidays],
  ];
  return (
    <div className={styles.panel}>
      <Body1>{strings.cases.intro}</Body1>
      <div className={styles.row}>
        {open.map(([label, sheet]) => (
          <Button key={sheet} onClick={() => onSelectCell(sheetRef(sheet, 'A1'))}>
            {label}
          </Button>
        ))}
      </div>
    </div>
  );
}
