import { Body1, Button, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ROUND_IDS, type RoundId } from '../../../core/panel/types';
import { sheetRef } from '../../../workbook/address';
import type { ActionResult, GenerateResult } from '../actions';
import { ActionStatus } from '../components/ActionStatus';
import { ConfirmButton } from '../components/ConfirmButton';
import { useAction } from '../useAction';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** 专家评分表: generate a round's sheets, export one expert's workbook, collect the returned workbooks. */
export function SheetsPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.sheets;
  const [round, setRound] = useState<RoundId>('initial');
  const [expert, setExpert] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [filesProblem, setFilesProblem] = useState<string | null>(null);
  const generate = useAction<GenerateResult>();
  const exporting = useAction<ActionResult>();
  const collect = useAction<ActionResult>();
  const fileInput = useId();

  const exportFor = (id: string) => {
    if (!id.trim()) return setProblem(t.expertMissing);
    setProblem(null);
    void exporting.run(() => actions.exportExpertWorkbook(round, id.trim()));
  };
  const generated =
    generate.state.status === 'done' ? generate.state.result.sheets.filter((s) => s.round === round) : [];

  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <Field label={t.round}>
        <Select value={round} onChange={(_, data) => setRound(data.value as RoundId)}>
          {ROUND_IDS.map((r) => (
            <option key={r} value={r}>
              {strings.rounds[r]}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.row}>
        <ConfirmButton
          label={t.generate}
          confirm={t.generateConfirm}
          disabled={generate.busy}
          onConfirm={() => void generate.run(() => actions.generateExpertSheets(round))}
          strings={strings}
        />
      </div>
      <ActionStatus state={generate.state} strings={strings} onSelectCell={onSelectCell} />
      {generated.length > 0 && (
        <section className={styles.section} aria-label={t.generated}>
          <Subtitle2 as="h3">{t.generated}</Subtitle2>
          <ul className={styles.section}>
            {generated.map((s) => (
              <li key={s.sheet} className={styles.row}>
                <Button appearance="subtle" onClick={() => onSelectCell(sheetRef(s.sheet, 'A1'))}>
                  {s.sheet}
                </Button>
                <Button disabled={exporting.busy} onClick={() => exportFor(s.expert)}>
                  {t.exportButton}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-label={t.exportTitle}>
        <Subtitle2 as="h3">{t.exportTitle}</Subtitle2>
        <div className={styles.row}>
          <Field label={t.expert} hint={t.expertHint} validationMessage={problem ?? undefined}>
            <Input value={expert} onChange={(_, data) => setExpert(data.value)} />
          </Field>
          <Button disabled={exporting.busy} onClick={() => exportFor(expert)}>
            {t.exportButton}
          </Button>
        </div>
        <ActionStatus state={exporting.state} strings={strings} onSelectCell={onSelectCell} />
      </section>

      <section className={styles.section} aria-label={t.collectTitle}>
        <Subtitle2 as="h3">{t.collectTitle}</Subtitle2>
        <Field
          label={{ children: t.files, htmlFor: fileInput }}
          hint={t.filesHint}
          validationMessage={filesProblem ?? undefined}
        >
          <input
            id={fileInput}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []));
              setFilesProblem(null);
            }}
          />
        </Field>
        <div className={styles.row}>
          <ConfirmButton
            label={t.collectButton}
            // Without files there is nothing to confirm: the click only explains what is missing.
            confirm={files.length > 0 ? t.collectConfirm : undefined}
            disabled={collect.busy}
            onConfirm={() =>
              files.length > 0
                ? void collect.run(() => actions.collectWorkbooks(files))
                : setFilesProblem(t.filesMissing)
            }
            strings={strings}
          />
        </div>
        <ActionStatus state={collect.state} strings={strings} onSelectCell={onSelectCell} />
      </section>
    </div>
  );
}
