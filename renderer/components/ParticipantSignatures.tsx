import { useRef, useState } from 'react';
import { SIGNER_LABELS, type Signer } from '#shared/contract/consent';
import { useChartExports } from '../stores/chart-exports';
import { useEncounter } from '../stores/encounter';
import { SignaturePad } from './SignaturePad';
import { useClinicTime } from './useClinicTime';
import { useFormSave } from './useFormSave';

const SIGNERS = Object.keys(SIGNER_LABELS) as Signer[];

/**
 * Signatures of the patient (or surrogate), a witness and the interpreter:
 * drawn here or marked as signed on paper. They print on the note and become
 * part of what the physician signs; one taken in error is voided with a
 * reason and stays listed as voided.
 */
export function ParticipantSignatures({ signed }: { signed: boolean }) {
  const clock = useClinicTime();
  const signatures = useEncounter((s) => s.detail?.signatures ?? []);
  const capture = useChartExports((s) => s.captureSignature);
  const voidSignature = useChartExports((s) => s.voidSignature);
  const [signer, setSigner] = useState<Signer>('patient');
  const [name, setName] = useState('');
  const [method, setMethod] = useState<'drawn' | 'paper'>('paper');
  const [hasInk, setHasInk] = useState(false);
  const { errors, save: send } = useFormSave();
  const [voiding, setVoiding] = useState<{ id: string; reason: string } | null>(null);
  const pad = useRef<HTMLCanvasElement | null>(null);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const image = method === 'drawn' ? pad.current?.toDataURL('image/png').replace(/^data:image\/png;base64,/, '') : undefined;
    const result = await send(() => capture(method === 'drawn' ? { signer, signerName: name, method, imagePngBase64: image ?? '' } : { signer, signerName: name, method }));
    if (!result) {
      setName('');
      setHasInk(false);
      pad.current?.getContext('2d')?.clearRect(0, 0, pad.current.width, pad.current.height);
    }
  }

  const submit = (
    <button type="submit" className="primary" disabled={!name.trim() || (method === 'drawn' && !hasInk)}>
      Save signature
    </button>
  );
  return (
    <section aria-labelledby="participant-signatures-heading" className="participant-signatures">
      <div className="signatures-head">
        <h3 id="participant-signatures-heading">Signatures of the patient and others</h3>
        {signatures.length === 0 && <p className="muted">None captured yet.</p>}
      </div>
      <ul className="signature-list">
        {signatures.map((s) => (
          <li key={s.id} className={s.voided ? 'voided' : undefined}>
            <strong>{SIGNER_LABELS[s.signer]}: {s.signerName}</strong>{' '}
            {s.method === 'drawn' ? 'signed on screen' : 'signed on paper'}, {clock.dateTime(s.at)} (recorded by {s.by.name})
            {s.imagePngBase64 && <img src={`data:image/png;base64,${s.imagePngBase64}`} alt={`Signature of ${s.signerName}`} className="signature-image" />}
            {s.voided && <span> · Voided by {s.voided.by.name}: {s.voided.reason}</span>}
            {!s.voided && !signed && (voiding?.id === s.id ? (
              <span className="row">
                <label>
                  Reason for voiding
                  <input value={voiding.reason} onChange={(e) => setVoiding({ id: s.id, reason: e.target.value })} />
                </label>
                <button type="button" className="secondary" onClick={() => void send(() => voidSignature(s.id, voiding.reason)).then((r) => {
                  if (!r) setVoiding(null);
                })}>
                  Confirm void
                </button>
              </span>
            ) : (
              <button type="button" className="link" aria-label={`Void the signature of ${s.signerName}`} onClick={() => setVoiding({ id: s.id, reason: '' })}>
                Void
              </button>
            ))}
          </li>
        ))}
      </ul>
      {!signed && (
        <form onSubmit={(e) => void save(e)} aria-label="Capture a signature">
          <div className="row">
            <label>
              Who signs
              <select value={signer} onChange={(e) => setSigner(e.target.value as Signer)}>
                {SIGNERS.map((s) => <option key={s} value={s}>{SIGNER_LABELS[s]}</option>)}
              </select>
            </label>
            <label>
              Signer's name
              <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(errors.signerName)} />
            </label>
            <div className="choices" role="radiogroup" aria-label="How it was signed">
              <label className="choice">
                <input type="radio" name="signature-method" checked={method === 'paper'} onChange={() => setMethod('paper')} />
                Signed on paper
              </label>
              <label className="choice">
                <input type="radio" name="signature-method" checked={method === 'drawn'} onChange={() => setMethod('drawn')} />
                Draw on screen
              </label>
            </div>
            {/* Signed on paper: who, name, how and Save on one row (issue 18); drawn: Save comes after the pad. */}
            {method === 'paper' && submit}
          </div>
          {method === 'drawn' && <SignaturePad label={`Signature pad for the ${SIGNER_LABELS[signer].toLowerCase()}`} padRef={pad} onInk={setHasInk} />}
          {Object.entries(errors).map(([k, v]) => <p key={k} role="alert" className="error">{v}</p>)}
          {method === 'drawn' && submit}
        </form>
      )}
    </section>
  );
}
