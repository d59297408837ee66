import { Field } from '@fluentui/react-components';
import { useId } from 'react';

export interface FilePickerProps {
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  problem?: string | null;
  onChange: (files: File[]) => void;
}

/** A labelled native file input: the platform's own picker, keyboard-accessible and read by screen readers. */
export function FilePicker({ label, hint, accept, multiple, problem, onChange }: FilePickerProps) {
  const id = useId();
  return (
    <Field label={{ children: label, htmlFor: id }} hint={hint} validationMessage={problem ?? undefined}>
      <input
        id={id}
        type="file"
        multiple={multiple}
        accept={accept}
        onChange={(e) => onChange(Array.from(e.target.files ?? []))}
      />
    </Field>
  );
}
