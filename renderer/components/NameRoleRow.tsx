import { useId, type ReactNode, type Ref } from 'react';

export interface NameAndRole {
  name: string;
  role: string;
}

/**
 * One person by name and role, with a Remove button: a row of the time-out's people and of the
 * day team's visitors. `noun` names the fields ("Name of person 2", "Role of visitor 1"). Below the
 * first row the labels are for screen readers only: the rows line up under the first row's, like a table.
 */
export function NameRoleRow({ noun, index, value, nameError, roleError, nameRef, onChange, onRemove }: {
  noun: string;
  index: number;
  value: NameAndRole;
  nameError?: string | undefined;
  roleError?: string | undefined;
  /** The name field, for moving focus to a row just added. */
  nameRef?: Ref<HTMLInputElement>;
  onChange: (patch: Partial<NameAndRole>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  return (
    <li className={index === 0 ? 'row' : 'row captions-hidden'}>
      <div className="field">
        <label>
          <Caption index={index}>Name of {noun} {n}</Caption>
          <input type="text" ref={nameRef} value={value.name} autoComplete="off" onChange={(e) => onChange({ name: e.target.value })}
            aria-invalid={!!nameError} aria-describedby={nameError ? `${id}-name` : undefined} />
        </label>
        {nameError && <p id={`${id}-name`} className="error field-error">{nameError}</p>}
      </div>
      <div className="field">
        <label>
          <Caption index={index}>Role of {noun} {n}</Caption>
          <input type="text" value={value.role} autoComplete="off" onChange={(e) => onChange({ role: e.target.value })}
            aria-invalid={!!roleError} aria-describedby={roleError ? `${id}-role` : undefined} />
        </label>
        {roleError && <p id={`${id}-role`} className="error field-error">{roleError}</p>}
      </div>
      <button type="button" className="secondary" aria-label={`Remove ${value.name.trim() || `${noun} ${n}`}`} onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}

/** A field's label: seen on the first row, read aloud on every row. */
function Caption({ index, children }: { index: number; children: ReactNode }) {
  return <span className={index === 0 ? undefined : 'visually-hidden'}>{children}</span>;
}
