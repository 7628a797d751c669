import '../../../testing/dom.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiCallError } from '../../../api/client.ts';
import { button, interact, one, render } from '../../../testing/dom.ts';
import { type ConfirmableAction, ConfirmActionDialog } from './confirm-action-dialog.tsx';

describe('ConfirmActionDialog', () => {
  it('says what the action does, and Cancel or Escape close it without acting', async () => {
    const confirmed: ConfirmableAction[] = [];
    let closed = 0;
    const view = await render(
      <ConfirmActionDialog
        action="terminate"
        workflowName="etl-1"
        onConfirm={(action) => {
          confirmed.push(action);
          return Promise.resolve();
        }}
        onClose={() => closed++}
      />,
    );
    const dialog = one(document.body, 'dialog');
    assert.equal(one(dialog, 'h2').textContent, 'Terminate etl-1?');
    assert.match(dialog.textContent, /killed now and the exit handler does not run/);
    await interact(() => button(dialog, 'Cancel').click());
    assert.equal(closed, 1, 'Cancel closes it');
    // Escape in a modal <dialog> is the browser's `cancel` event.
    const cancel = new window.Event('cancel', { cancelable: true });
    await interact(() => {
      dialog.dispatchEvent(cancel);
    });
    assert.equal(closed, 2, 'Escape closes it');
    assert.equal(cancel.defaultPrevented, true, 'React state decides, not the browser');
    assert.deepEqual(confirmed, []);
    await view.unmount();
  });

  it('keeps a refusal in the dialog, with its hint, and lets the user try again', async () => {
    let attempts = 0;
    const view = await render(
      <ConfirmActionDialog
        action="delete"
        workflowName="etl-1"
        onConfirm={() => {
          attempts++;
          return Promise.reject(
            new ApiCallError({
              code: 'FORBIDDEN',
              status: 403,
              message: 'You may not delete workflows in team-a.',
              hint: 'Ask a developer of team-a.',
            }),
          );
        }}
        onClose={() => assert.fail('a refusal does not close the dialog')}
      />,
    );
    const dialog = one(document.body, 'dialog');
    await interact(() => button(dialog, 'Delete workflow').click());
    assert.equal(attempts, 1);
    const alert = one(dialog, '[role="alert"]');
    assert.match(alert.textContent, /You may not delete workflows in team-a\./);
    assert.match(alert.textContent, /Ask a developer of team-a\./);
    assert.equal(button(dialog, 'Delete workflow').disabled, false);
    await view.unmount();
  });
});
