import { Body1, Button, Checkbox, Field, Input, Select, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { ROUND_IDS, type RoundId } from '../../../core/panel/types';
import { sheetRef } from '../../../workbook/address';
import type { ActionResult, ExpertSheetRef, GenerateResult } from '../actions';
import { ActionSection } from '../components/ActionSection';
import { ActionStatus } from '../components/ActionStatus';
import { useAction } from '../useAction';
import { FilePicker } from './FilePicker';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 抽取与评分表: draw a round's experts, generate their sheets, export one workbook each, collect the returns. */
export function SheetsPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.sheets;
  const [round, setRound] = useState<RoundId>('initial');
  const [count, setCount] = useState('5');
  const [seed, setSeed] = useState('');
  const [minEligible, setMinEligible] = useState('3');
  const [excludePrevious, setExcludePrevious] = useState(false);
  const [maxPerOrganization, setMaxPerOrganization] = useState('');
  const [reserves, setReserves] = useState('');
  const [expert, setExpert] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [formExpert, setFormExpert] = useState('');
  const [formCase, setFormCase] = useState('');
  const [generated, setGenerated] = useState<ExpertSheetRef[]>([]);
  const exporting = useAction<ActionResult>();

  const exportFor = (id: string) => {
    if (!id.trim()) return void exporting.run(() => Promise.reject(new Error(t.expertMissing)));
    void exporting.run(() => actions.exportExpertWorkbook(round, id.trim()));
  };
  const whole = (text: string): number | null => (/^\d+$/.test(text.trim()) ? Number(text) : null);
  const shown = generated.filter((s) => s.round === round);

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

      <ActionSection
        title={t.drawTitle}
        intro={t.drawIntro}
        label={t.drawButton}
        confirm={t.drawConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => {
          const n = whole(count);
          const min = whole(minEligible);
          const cap = maxPerOrganization.trim() === '' ? undefined : whole(maxPerOrganization);
          const spare = reserves.trim() === '' ? undefined : whole(reserves);
          if (!n || n < 1 || min === null || cap === null || cap === 0 || spare === null) return t.countInvalid;
          if (!seed.trim()) return t.seedMissing;
          return actions.drawExperts({
            round,
            count: n,
            seed: seed.trim(),
            minEligible: min,
            excludePrevious,
            ...(cap !== undefined ? { maxPerOrganization: cap } : {}),
            ...(spare !== undefined ? { reserves: spare } : {}),
          });
        }}
      >
        <div className={styles.row}>
          <Field label={t.count}>
            <Input inputMode="numeric" value={count} onChange={(_, d) => setCount(d.value)} />
          </Field>
          <Field label={t.minEligible}>
            <Input inputMode="numeric" value={minEligible} onChange={(_, d) => setMinEligible(d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t.maxPerOrganization} hint={t.maxPerOrganizationHint}>
            <Input inputMode="numeric" value={maxPerOrganization} onChange={(_, d) => setMaxPerOrganization(d.value)} />
          </Field>
          <Field label={t.reserves}>
            <Input inputMode="numeric" value={reserves} onChange={(_, d) => setReserves(d.value)} />
          </Field>
        </div>
        <Field label={t.seed} hint={t.seedHint}>
          <Input value={seed} onChange={(_, d) => setSeed(d.value)} />
        </Field>
        <Checkbox
          label={t.excludePrevious}
          checked={excludePrevious}
          onChange={(_, d) => setExcludePrevious(d.checked === true)}
        />
      </ActionSection>

      <ActionSection<GenerateResult>
        label={t.generate}
        confirm={t.generateConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => actions.generateExpertSheets(round)}
        onDone={(result) => setGenerated(result.sheets)}
      />
      {shown.length > 0 && (
        <section className={styles.section} aria-label={t.generated}>
          <Subtitle2 as="h3">{t.generated}</Subtitle2>
          <ul className={styles.section}>
            {shown.map((s) => (
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
          <Field label={t.expert} hint={t.expertHint}>
            <Input value={expert} onChange={(_, data) => setExpert(data.value)} />
          </Field>
          <Button disabled={exporting.busy} onClick={() => exportFor(expert)}>
            {t.exportButton}
          </Button>
        </div>
        <ActionStatus state={exporting.state} strings={strings} onSelectCell={onSelectCell} />
      </section>

      <ActionSection
        title={t.formTitle}
        intro={t.formIntro}
        label={t.formButton}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() =>
          !formExpert.trim()
            ? t.expertMissing
            : !formCase.trim()
              ? strings.cases.caseMissing
              : actions.addScoreForm(round, formExpert.trim(), formCase.trim())
        }
      >
        <div className={styles.row}>
          <Field label={t.expert}>
            <Input value={formExpert} onChange={(_, d) => setFormExpert(d.value)} />
          </Field>
          <Field label={strings.cases.caseId}>
            <Input value={formCase} onChange={(_, d) => setFormCase(d.value)} />
          </Field>
        </div>
      </ActionSection>

      <ActionSection
        title={t.collectTitle}
        label={t.collectButton}
        confirm={t.collectConfirm}
        strings={strings}
        onSelectCell={onSelectCell}
        run={() => (files.length > 0 ? actions.collectWorkbooks(files) : t.filesMissing)}
      >
        <FilePicker label={t.files} hint={t.filesHint} accept={XLSX} multiple onChange={setFiles} />
      </ActionSection>
    </div>
  );
}
