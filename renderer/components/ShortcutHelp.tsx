import { SHORTCUTS } from './checklist-keys';
import { Dialog } from './Dialog';

/** The help overlay: every checklist shortcut, read from the same table the key handlers use. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p className="muted">On the checklist, when the cursor is not in a text field.</p>
      <table className="table shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.shown.map((k, i) => (
                  <span key={k}>{i > 0 && ' or '}<kbd>{k}</kbd></span>
                ))}
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Tab and Shift+Tab reach every control; Enter and Space operate it.</p>
    </Dialog>
  );
}
