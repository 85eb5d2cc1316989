import { DatePicker } from 'antd';
import type { ComponentProps, KeyboardEvent } from 'react';

type DateInputProps = ComponentProps<typeof DatePicker>;

/**
 * Enter in a date field takes the typed day and nothing more. The picker has already taken the
 * value when this runs; cancelling the key stops the browser's implicit submission of the form,
 * which would otherwise save it half filled in.
 */
export function keepEnterInDateField(event: KeyboardEvent): void {
  if (event.key === 'Enter') event.preventDefault();
}

/** A form's date picker (use it in every form): Enter never submits the form. */
export function DateInput({ onKeyDown, ...props }: DateInputProps) {
  return (
    <DatePicker
      {...props}
      onKeyDown={(event, preventDefault) => {
        keepEnterInDateField(event);
        onKeyDown?.(event, preventDefault);
      }}
    />
  );
}
