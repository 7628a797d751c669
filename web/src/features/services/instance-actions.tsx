import type { ApiError, ServiceInstanceRow } from '@argovue/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorOf } from '../../api/api-error-of.ts';
import { queryKeys } from '../../api/query-client.ts';
import { actOnServiceInstance } from '../../api/services.ts';
import { ActionError } from '../../components/action-error.tsx';
import type { NavigationNotice } from '../../lib/navigation-notice.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import './services.css';

export type InstanceAction = 'stop' | 'start' | 'restart' | 'delete';

// What each one does to the instance, so the user knows what they confirm. Start asks nothing.
const CONFIRM: Record<Exclude<InstanceAction, 'start'>, { body: string; button: string }> = {
  stop: {
    body: 'Its pods are stopped (scaled to zero); its volumes and settings stay, and Start brings it back.',
    button: 'Stop instance',
  },
  restart: {
    body: 'Its pods are replaced by new ones; what is not on a volume is lost, and it is away while they start.',
    button: 'Restart instance',
  },
  delete: {
    body: 'The instance, its pods, its service and its volumes are removed. This cannot be undone.',
    button: 'Delete instance',
  },
};

const LABEL: Record<InstanceAction, string> = {
  stop: 'Stop',
  start: 'Start',
  restart: 'Restart',
  delete: 'Delete',
};

/** The actions the instance's state allows now. */
export function availableActions(row: ServiceInstanceRow): InstanceAction[] {
  if (row.stopped) return ['start', 'delete'];
  return row.phase === 'Running' ? ['stop', 'restart', 'delete'] : ['stop', 'delete'];
}

/**
 * Stop, start, restart and delete of one instance; stop, restart and delete ask first in a modal. The
 * outcome is said in a live region; a delete on the instance's own page returns to the list.
 */
export function InstanceActions({
  row,
  leaveOnDelete = false,
}: {
  row: ServiceInstanceRow;
  leaveOnDelete?: boolean;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<Exclude<InstanceAction, 'start'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { ok: true; message: string } | { ok: false; error: ApiError } | null
  >(null);
  const { namespace, name } = row;

  // Throws the refusal, so a dialog can show it and stay open.
  const act = async (action: InstanceAction) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await actOnServiceInstance(namespace, name, action);
      setConfirming(null);
      if (action === 'delete' && leaveOnDelete) {
        queryClient.removeQueries({ queryKey: queryKeys.serviceInstance(namespace, name) });
        const notice: NavigationNotice = { message: result.message };
        await navigate('/services', { state: { notice } });
        return;
      }
      setOutcome({ ok: true, message: result.message });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.serviceInstances });
    }
  };

  return (
    <div className="instance-actions">
      <div className="action-bar" role="group" aria-label={`Actions on ${name}`}>
        {availableActions(row).map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'delete' ? 'button button-danger' : 'button'}
            disabled={busy}
            onClick={() => {
              if (action === 'start')
                act('start').catch((caught: unknown) => setOutcome({ ok: false, error: apiErrorOf(caught) }));
              else setConfirming(action);
            }}
          >
            {LABEL[action]}
            <span className="visually-hidden"> {name}</span>
          </button>
        ))}
      </div>
      <div className="action-outcome" role="status" aria-live="polite">
        {outcome?.ok === true && <p className="action-success small">{outcome.message}</p>}
      </div>
      {outcome?.ok === false && <ActionError error={outcome.error} />}
      {confirming !== null && (
        <ConfirmInstanceAction
          action={confirming}
          name={name}
          onConfirm={() => act(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
    </div>
  );
}

function ConfirmInstanceAction({
  action,
  name,
  onConfirm,
  onClose,
}: {
  action: Exclude<InstanceAction, 'start'>;
  name: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const words = CONFIRM[action];
  return (
    <ConfirmDialog
      title={`${LABEL[action]} ${name}?`}
      body={words.body}
      button={words.button}
      busyLabel={`${LABEL[action]}…`}
      danger={action === 'delete'}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
