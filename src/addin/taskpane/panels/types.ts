import type { TaskpaneActions } from '../actions';
import type { Strings } from '../i18n';

export interface PanelProps {
  actions: TaskpaneActions;
  strings: Strings;
  /** Selects a finding's cell; failures are reported by the app, not by the panel. */
  onSelectCell: (cell: string) => void;
}
