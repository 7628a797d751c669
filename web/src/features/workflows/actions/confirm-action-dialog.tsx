import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';

export type ConfirmableAction = 'stop' | 'terminate' | 'delete';

// What each one does, in Argo's terms, so the user knows what they confirm.
const WORDS: Record<ConfirmableAction, { title: string; body: string; button: string }> = {
  stop: {
    title: 'Stop',
    body: 'Running steps are stopped and no new ones start; the exit handler still runs.',
    button: 'Stop workflow',
  },
  terminate: {
    title: 'Terminate',
    body: 'Running steps are killed now and the exit handler does not run.',
    button: 'Terminate workflow',
  },
  delete: {
    title: 'Delete',
    body: 'The workflow and its pods (and their logs) are removed. This cannot be undone.',
    button: 'Delete workflow',
  },
};

/** Asks before an action that ends or removes something; a refusal stays in the dialog. */
export function ConfirmActionDialog({
  action,
  workflowName,
  onConfirm,
  onClose,
}: {
  action: ConfirmableAction;
  workflowName: string;
  onConfirm: (action: ConfirmableAction) => Promise<void>;
  onClose: () => void;
}) {
  const words = WORDS[action];
  return (
    <ConfirmDialog
      title={`${words.title} ${workflowName}?`}
      body={words.body}
      button={words.button}
      busyLabel={`${words.title}…`}
      danger
      onConfirm={() => onConfirm(action)}
      onClose={onClose}
    />
  );
}
