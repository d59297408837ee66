import { makeStyles } from '@fluentui/react-components';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: '12px', paddingBlock: '12px' },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: '8px', rowGap: '8px', alignItems: 'flex-end' },
  section: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
});
