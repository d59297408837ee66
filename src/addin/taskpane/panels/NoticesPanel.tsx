import { Body1 } from '@fluentui/react-components';
import { ActionSection } from '../components/ActionSection';
import { usePanelStyles } from './layout';
import type { PanelProps } from './types';

/** 公示与异议: the notice and letters, the review of objections, the final release. */
export function NoticesPanel({ actions, strings, onSelectCell }: PanelProps) {
  const styles = usePanelStyles();
  const t = strings.notices;
  const common = { strings, onSelectCell };
  return (
    <div className={styles.panel}>
      <Body1>{t.intro}</Body1>
      <ActionSection {...common} label={t.button} confirm={t.confirm} run={() => actions.makeNotices()} />
      <ActionSection
        {...common}
        title={t.objectionsTitle}
        intro={t.objectionsIntro}
        label={t.objectionsButton}
        confirm={t.objectionsConfirm}
        run={() => actions.reviewObjections()}
      />
      <ActionSection
        {...common}
        title={t.releaseTitle}
        intro={t.releaseIntro}
        label={t.releaseButton}
        confirm={t.releaseConfirm}
        run={() => actions.releaseResults()}
      />
    </div>
  );
}
