import { Body1, Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { sheetRef } from '../../../workbook/address';
import { SHEET } from '../../../workbook/names';
import { ActionSection } from '../components/ActionSection';
import { FilePicker } from './FilePicker';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

const CSV = '.csv,text/csv';

/** 案例与专家: the registers (edited in the workbook itself), CSV imports and the formal review. */
export function CasesPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.cases;
  const [casesFile, setCasesFile] = useState<File | null>(null);
  const [expertsFile, setExpertsFile] = useState<File | null>(null);
  const [caseId, setCaseId] = useState('');
  const open: [string, string][] = [
    [t.openCases, SHEET.cases],
    [t.openExperts, SHEET.experts],
    [t.openRounds, SHEET.rounds],
    [t.openHolidays, SHEET.holidays],
  ];
  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <div className={styles.row}>
        {open.map(([label, sheet]) => (
          <Button key={sheet} onClick={() => onSelectCell(sheetRef(sheet, 'A1'))}>
            {label}
          </Button>
        ))}
      </div>
      <ActionSection
        title={t.importTitle}
        intro={t.importIntro}
        label={t.importCases}
        confirm={t.importConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => (casesFile ? actions.importRegister('cases', casesFile) : t.fileMissing)}
      >
        <FilePicker label={t.casesFile} accept={CSV} onChange={(f) => setCasesFile(f[0] ?? null)} />
      </ActionSection>
      <ActionSection
        label={t.importExperts}
        confirm={t.importConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => (expertsFile ? actions.importRegister('experts', expertsFile) : t.fileMissing)}
      >
        <FilePicker label={t.expertsFile} accept={CSV} onChange={(f) => setExpertsFile(f[0] ?? null)} />
      </ActionSection>
      <ActionSection
        title={t.reviewTitle}
        intro={t.reviewIntro}
        label={t.reviewButton}
        confirm={t.reviewConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.reviewCases()}
      />
      <ActionSection
        title={t.applicationTitle}
        intro={t.applicationIntro}
        label={t.applicationButton}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => (caseId.trim() ? actions.addApplicationForm(caseId.trim()) : t.caseMissing)}
      >
        <Field label={t.caseId}>
          <Input value={caseId} onChange={(_, d) => setCaseId(d.value)} />
        </Field>
      </ActionSection>
    </div>
  );
}
