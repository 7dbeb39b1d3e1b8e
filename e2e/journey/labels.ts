/**
 * Every label and role name the procedure-day journey uses, in one place: the encounter
 * screen is still changing (issue 18), so a renamed control is fixed here once.
 */
export const L = {
  signIn: { form: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', lock: 'Lock', unlockForm: 'Unlock', unlock: 'Unlock', signOutOther: 'Sign out (another user)', switchUser: 'Sign out' },
  worklist: { heading: 'Worklist', register: 'Register new patient', openEncounter: /^Open encounter/ },
  patient: { form: 'Register patient', mrn: 'MRN', family: 'Family name', given: 'Given name', birth: 'Date of birth', sex: 'Sex', language: 'Preferred language', save: 'Save patient' },
  encounter: { form: 'New encounter', procedure: 'Procedure', laterality: 'Left', imaging: 'Imaging guidance', sedation: /^Sedation planned/, indication: 'Indication (physician)', create: 'Create encounter' },
  phase: { region: /^Now:/, start: 'Start pre-procedure', moveTo: (to: string) => `Move to ${to}`, stillOpen: 'Still open', more: /^…and \d+ more$/, heading: (name: string) => new RegExp(`^Now: ${name}`) },
  facts: { region: 'Patient facts', form: 'Record a patient fact', kind: 'Kind of fact', category: 'Category', agent: 'Agent', reaction: 'Reaction', severity: 'Severity', save: 'Save patient fact', confirm: 'Confirm patient facts' },
  vitals: { form: (phase: string) => `Vitals (${phase})`, systolic: /Systolic/, diastolic: /Diastolic/, heartRate: /Heart rate/, spo2: /SpO2/, respiratory: /Respiratory rate/, note: 'Note', save: 'Record vitals' },
  injectate: { region: 'Planned injectate', steroid: 'Steroid, as on the vial (brand or generic)', steroidDose: 'Steroid dose, with its unit (e.g. 10 mg)', local: 'Local anaesthetic', localDose: 'Local anaesthetic dose, with its unit', save: 'Save planned injectate', recorded: 'Planned injectate as recorded' },
  consent: {
    region: 'Consent discussion', risks: /^Risks to counsel on/, benefits: 'Benefits discussed', alternatives: 'Alternatives discussed', alternativesNote: 'Notes on alternatives', decision: 'Consents', saved: /^Consent discussion saved/,
    capture: 'Capture a signature', signer: "Signer's name", paper: 'Signed on paper', saveSignature: 'Save signature',
  },
  timeOut: { form: 'Time-out sign-off', addPerson: 'Add person', name: (n: number) => `Name of person ${n}`, role: (n: number) => `Role of person ${n}`, password: /Your password/, sign: 'Sign the time-out' },
  procedure: { form: 'Procedure record', contrast: 'Contrast used', fluoroscopy: /Fluoroscopy time/i, noComplications: 'No complications', save: 'Save procedure record' },
  history: 'Record history',
  /** A section's group confirmation ("Confirm all 3 open in Identity") and the risks' ("All 19 risks discussed"). */
  group: { section: /^Confirm all \d+ open in /, risks: /^All \d+ risks discussed$/ },
  notApplicable: { when: /^If sedat(ed|ion is planned)/, open: (label: string) => `Not applicable: ${label}`, reason: 'Reason not applicable', confirm: 'Confirm not applicable', noSedation: 'No sedation planned or given.' },
  note: { region: 'Consent-discussion note', sign: 'Sign the note', password: 'Your password (signs the note)', send: 'Send to the outbox', exports: 'Exports to the outbox' },
} as const;
