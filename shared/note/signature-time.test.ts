import { describe, expect, it } from 'vitest';
import type { NoteContent } from './model';
import { attestationSection, signatureMismatch, TIMES_LABEL } from './signature';
import { noteClock } from '../domain/clinic-time';

const signedBy = { name: 'Dr Pat Physician', role: 'physician' as const };
const attestation = 'I discussed the procedure.';
const signedAt = '2026-11-24T14:30:00.000Z';

function content(times: string | null, signedAtText: string): NoteContent {
  const att = attestationSection({ signedBy, signedAt, attestation }, noteClock('America/Chicago', signedAt));
  const rows = att.blocks[1]!.kind === 'fields' ? att.blocks[1]!.rows.map(([k, v]): [string, string] => [k, k === 'Signed at' ? signedAtText : v]) : [];
  return {
    title: 'Consent discussion note',
    runningHeader: { patientName: 'DOE, Jane', mrn: 'M1', birthDate: '1960-01-01' },
    sections: [
      { heading: 'Procedure', blocks: [{ kind: 'fields', rows: times ? [[TIMES_LABEL, times]] : [] }] },
      { heading: att.heading, blocks: [att.blocks[0]!, { kind: 'fields', rows }] },
    ],
  };
}

describe('the signing time inside the signed content', () => {
  const note = { signedBy, signedAt, attestation };
  const header = 'CST (Central Standard Time, America/Chicago)';

  it('matches in clinic time under the note\'s one zone header', () => {
    expect(signatureMismatch(content(header, '2026-11-24 08:30'), note)).toBeNull();
  });

  it('still matches a note signed when every time carried its UTC offset', () => {
    expect(signatureMismatch(content(null, '2026-11-24 08:30 (UTC-06:00)'), note)).toBeNull();
  });

  it('refuses another minute, another zone header, or a bare time with no header', () => {
    expect(signatureMismatch(content(header, '2026-11-24 08:31'), note)).toMatch(/signing time/);
    expect(signatureMismatch(content('EST (Eastern Standard Time, America/New_York)', '2026-11-24 08:30'), note)).toMatch(/signing time/);
    expect(signatureMismatch(content(null, '2026-11-24 08:30'), note)).toMatch(/signing time/);
  });
});
