import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  type ButtonProps,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Strings } from '../i18n';

export interface ConfirmButtonProps {
  label: string;
  /** The question asked before the action; without it the button acts at once. */
  confirm?: string;
  onConfirm: () => void;
  disabled?: boolean;
  appearance?: ButtonProps['appearance'];
  strings: Strings;
}

/** A button for an action that replaces workbook content: it asks first, in a modal dialog. */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  disabled,
  appearance = 'primary',
  strings,
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const click = () => (confirm ? setOpen(true) : onConfirm());
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={click}>
        {label}
      </Button>
      {confirm && (
        <Dialog open={open} modalType="alert" onOpenChange={(_, data) => setOpen(data.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{strings.confirmTitle}</DialogTitle>
              <DialogContent>{confirm}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setOpen(false)}>
                  {strings.cancel}
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setOpen(false);
                    onConfirm();
                  }}
                >
                  {strings.proceed}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
