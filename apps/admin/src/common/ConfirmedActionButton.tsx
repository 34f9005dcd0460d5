import { useState } from 'react';
import { Button } from '@mui/material';
import { Confirm } from 'react-admin';

/**
 * A button for an action that changes the record for good (fixes an amount, notifies the applicant): one click
 * only opens react-admin's Confirm saying what will happen, and the action runs from its confirm button, as every
 * state change in TransitionButtons asks first. The dialog stays open, its buttons disabled, until the action
 * settles (it reports its own outcome). Texts are translated by the caller.
 */
export const ConfirmedActionButton = ({
  label,
  title,
  content,
  confirm,
  color = 'primary',
  disabled,
  testId,
  onConfirm,
}: {
  label: string;
  title: string;
  content: string;
  /** the dialog's confirm button, naming the action */
  confirm: string;
  color?: 'primary' | 'warning';
  disabled?: boolean;
  testId: string;
  onConfirm: () => Promise<unknown>;
}) => {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button variant="contained" color={color} data-testid={testId} disabled={disabled || pending} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        content={content}
        confirm={confirm}
        confirmColor={color}
        onConfirm={() => void run()}
        onClose={() => !pending && setOpen(false)}
      />
    </>
  );
};
