import { useId, type Ref } from 'react';

export interface NameAndRole {
  name: string;
  role: string;
}

/**
 * One person by name and role, with a Remove button: a row of the time-out's people and of the
 * day team's visitors. `noun` names the fields ("Name of person 2", "Role of visitor 1").
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
    <li className="row">
      <div className="field">
        <label>
          Name of {noun} {n}
          <input type="text" ref={nameRef} value={value.name} autoComplete="off" onChange={(e) => onChange({ name: e.target.value })}
            aria-invalid={!!nameError} aria-describedby={nameError ? `${id}-name` : undefined} />
        </label>
        {nameError && <p id={`${id}-name`} className="error field-error">{nameError}</p>}
      </div>
      <div className="field">
        <label>
          Role of {noun} {n}
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
