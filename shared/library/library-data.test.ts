// The library data files and their loader: malformed data is refused with its file and field
// (fixtures are the real files, changed in memory), and the data keeps one fact in one place.
import { describe, expect, it } from 'vitest';
import { LIBRARY_DATA_FILES } from './data-files';
import { LIBRARY } from './index';
import { LibraryDataError, loadLibrary, stripComments } from './load';
import { PUBLISHED_CHECKLIST_IDS } from './published-checklist-ids';

type Json = Record<string, unknown>;

/** The real data files with one of them changed (a deep copy: the bundled data stays as it is). */
function withFile(file: string, change: (data: Json) => void, files: Readonly<Record<string, unknown>> = LIBRARY_DATA_FILES): Record<string, unknown> {
  const data = structuredClone(files[file] ?? {}) as Json;
  change(data);
  return { ...files, [file]: data };
}

function problemsOf(files: Readonly<Record<string, unknown>>): string[] {
  try {
    loadLibrary(files);
  } catch (error) {
    if (error instanceof LibraryDataError) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}

const at = (data: unknown, ...path: (string | number)[]): Json => path.reduce<unknown>((v, k) => (v as Json)[k], data) as Json;
const MBB = 'templates/lumbar-medial-branch-block/v1.json';
const CONTRAINDICATIONS = 'facts/contraindications.json';

describe('library data loader', () => {
  it('loads the bundled data into the 25 templates, in library.json order', () => {
    const loaded = loadLibrary(LIBRARY_DATA_FILES);
    expect(loaded.latest.map((t) => t.id)).toEqual(at(LIBRARY_DATA_FILES['library.json'], 'order'));
    expect(loaded.latest).toHaveLength(25);
    expect(LIBRARY).toEqual(loaded.latest);
  });

  it('refuses a malformed field with its file and path', () => {
    const files = withFile(MBB, (t) => { at(t, 'risks', 0, 'sources', 0).evidence = 'verified'; });
    expect(problemsOf(files)).toEqual([
      expect.stringMatching(/^shared\/library\/data\/templates\/lumbar-medial-branch-block\/v1\.json: risks\[0\]\.sources\[0\]\.evidence: Invalid option/),
    ]);
  });

  it('refuses an unknown fact id, naming the template file, the field and the id', () => {
    const files = withFile(MBB, (t) => { (at(t, 'contraindications', 'absolute') as unknown as Json[])[2] = { fact: 'uncorrected-coagulopathy-typo' }; });
    expect(problemsOf(files)).toEqual([
      'shared/library/data/templates/lumbar-medial-branch-block/v1.json: contraindications.absolute[2]: unknown fact "uncorrected-coagulopathy-typo": no facts/*.json defines it',
    ]);
  });

  it('reports a malformed shared fact once, in its own file, not in every template using it', () => {
    const files = withFile(CONTRAINDICATIONS, (f) => { at(f, 'pregnancy', 'sources', 0).evidence = 'X'; delete at(f, 'pregnancy').text; });
    const problems = problemsOf(files);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^shared\/library\/data\/facts\/contraindications\.json: pregnancy\.text: Invalid input/),
      expect.stringMatching(/^shared\/library\/data\/facts\/contraindications\.json: pregnancy\.sources\[0\]\.evidence: Invalid option/),
    ]));
    expect(problems).toHaveLength(2);
  });

  it('names the shared fact a template-level problem comes through', () => {
    // A risk placed among the indications: valid as a fact, wrong where it is used.
    const files = withFile(MBB, (t) => { (at(t, 'indications') as unknown as Json[]).push({ fact: 'bleeding-mbb' }); });
    expect(problemsOf(files).join('\n')).toMatch(
      /templates\/lumbar-medial-branch-block\/v1\.json: indications\[2\]: Unrecognized keys?: .*"name".*\(in fact "bleeding-mbb" \(facts\/facet\.json\)\)/,
    );
  });

  it('refuses unknown sections, references with other keys, and a file whose name disagrees with its content', () => {
    let files = withFile(MBB, (t) => {
      t.requiredCounselling = { section: 'no-such-section' };
      (at(t, 'alternatives') as unknown as Json[])[0] = { fact: 'no-block-conservative-care', text: 'Reworded here.' };
    });
    files = { ...files, 'templates/lumbar-medial-branch-block/v2.json': files[MBB] };
    expect(problemsOf(files)).toEqual(expect.arrayContaining([
      'shared/library/data/templates/lumbar-medial-branch-block/v1.json: requiredCounselling: unknown section "no-such-section": no sections/*.json defines it',
      'shared/library/data/templates/lumbar-medial-branch-block/v1.json: alternatives[0]: a reference is { "fact": "<id>" } and nothing else',
      'shared/library/data/templates/lumbar-medial-branch-block/v2.json: version: is 1, but the file name says 2',
    ]));
  });

  it('refuses one id defined twice, a template missing from library.json, and files it does not know', () => {
    const files = {
      ...withFile('library.json', (l) => { l.order = (l.order as string[]).filter((id) => id !== 'caudal-esi'); }),
      'facts/extra.json': { pregnancy: at(LIBRARY_DATA_FILES[CONTRAINDICATIONS], 'pregnancy') },
      'templates/caudal-esi/notes.json': {},
    };
    expect(problemsOf(files)).toEqual(expect.arrayContaining([
      'shared/library/data/facts/extra.json: pregnancy: id "pregnancy" is also defined in facts/contraindications.json: one id names one fact',
      'shared/library/data/library.json: order: does not list "caudal-esi" (templates/caudal-esi/)',
      expect.stringMatching(/^shared\/library\/data\/templates\/caudal-esi\/notes\.json: is not a library data file/),
    ]));
  });

  it('offers the highest version of each template and keeps the older ones', () => {
    const v2 = withFile(MBB, (t) => { t.version = 2; t.name = 'Lumbar medial branch block (v2)'; });
    const loaded = loadLibrary({ ...LIBRARY_DATA_FILES, 'templates/lumbar-medial-branch-block/v2.json': v2[MBB] });
    expect(loaded.latest.find((t) => t.id === 'lumbar-medial-branch-block')).toMatchObject({ version: 2, name: 'Lumbar medial branch block (v2)' });
    expect(loaded.versions.filter((v) => v.template.id === 'lumbar-medial-branch-block').map((v) => v.template.version).sort()).toEqual([1, 2]);
  });

  it('gives a fact its key as its checklist id, and refuses a fact stating one of its own', () => {
    const files = withFile(CONTRAINDICATIONS, (f) => {
      f['immunosuppression-reworded'] = { text: 'Immunosuppression (reworded).', sources: at(f, 'immunosuppression').sources };
      f['pregnancy-reworded'] = { id: 'pregnancy', text: 'Pregnancy (reworded).', sources: at(f, 'pregnancy').sources };
      at(f, 'local-infection').id = 'local-infection';
    });
    expect(problemsOf(files).sort()).toEqual([
      'shared/library/data/facts/contraindications.json: local-infection.id: is the fact\'s own key: leave "id" out, a fact\'s checklist id is its key',
      'shared/library/data/facts/contraindications.json: pregnancy-reworded.id: is "pregnancy", not the fact\'s key: a new fact (new wording too) has no "id" of its own; only published facts keep one (shared/library/published-checklist-ids.ts)',
    ]);
    const facts = loadLibrary(withFile(CONTRAINDICATIONS, (f) => { f['immunosuppression-reworded'] = { text: 'Immunosuppression (reworded).', sources: at(f, 'immunosuppression').sources }; })).facts;
    expect(facts.get('immunosuppression-reworded')?.value).toMatchObject({ id: 'immunosuppression-reworded' });
    expect(facts.get('uncorrected-coagulopathy-intermediate-risk')?.value).toMatchObject({ id: 'uncorrected-coagulopathy' });
  });

  it('ignores "$comment" notes, which leave the content (and its hash) unchanged', () => {
    const files = withFile(MBB, (t) => { t.$comment = 'An editor note.'; t['$comment:levels'] = 'Another.'; });
    expect(loadLibrary(files).latest).toEqual(loadLibrary(LIBRARY_DATA_FILES).latest);
  });
});

describe('library data: one fact in one place', () => {
  const loaded = loadLibrary(LIBRARY_DATA_FILES);
  const facts = [...loaded.facts].map(([id, { file, value }]) => ({ id, file, value: stripComments(value) as Json }));
  // A fact's wording is what it says to the clinician and to the patient: a later version may reword only the patient's words.
  const wording = (f: Json) => `${String(f.text ?? f.clinicianText)} | ${typeof f.patientText === 'string' ? f.patientText : ''}`;

  it('uses every shared fact and section in some template version', () => {
    const unused = [...loaded.facts.keys(), ...loaded.sections.keys()].filter((id) => !loaded.usage.has(id));
    expect(unused).toEqual([]);
  });

  it('defines no content twice under two ids', () => {
    const byContent = new Map<string, string[]>();
    for (const f of facts) byContent.set(JSON.stringify(f.value), [...(byContent.get(JSON.stringify(f.value)) ?? []), f.id]);
    expect([...byContent.values()].filter((ids) => ids.length > 1)).toEqual([]);
  });

  it('states no shared fact inline in a template: a template refers to it by id', () => {
    const shared = new Map(facts.map((f) => [JSON.stringify(f.value), f.id]));
    const inline: string[] = [];
    for (const [file, data] of Object.entries(LIBRARY_DATA_FILES)) {
      if (!file.startsWith('templates/')) continue;
      const visit = (v: unknown, path: string): void => {
        if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
        else if (v && typeof v === 'object') {
          const id = shared.get(JSON.stringify(stripComments(v)));
          if (id) inline.push(`${file}: ${path} is fact "${id}"`);
          else Object.entries(v).forEach(([k, x]) => visit(x, `${path}.${k}`));
        }
      };
      visit(data, '');
    }
    expect(inline).toEqual([]);
  });

  it('states a checklist id other than the key only for the published facts listed, each as listed', () => {
    const stated = facts.filter((f) => f.value.id !== f.id).map((f) => `${String(f.value.id)} <- ${f.id}`).sort();
    const listed = Object.entries(PUBLISHED_CHECKLIST_IDS).flatMap(([id, keys]) => keys.map((k) => `${id} <- ${k}`)).sort();
    expect(stated).toEqual(listed);
  });

  it('lets facts of different wording share a checklist id only in the published list', () => {
    const byChecklistId = new Map<string, typeof facts>();
    for (const f of facts) byChecklistId.set(String(f.value.id), [...(byChecklistId.get(String(f.value.id)) ?? []), f]);
    const unlisted = [...byChecklistId].filter(([, group]) => new Set(group.map((f) => wording(f.value))).size > 1)
      .flatMap(([id, group]) => group.filter((f) => f.id !== id && !(PUBLISHED_CHECKLIST_IDS[id] ?? []).includes(f.id)).map((f) => `${id}: ${f.id}`));
    expect(unlisted).toEqual([]);
  });

  // Same words, different sources: one fact each in the published version-1 content, where merging
  // them would change that content (and its hash). They become one fact in each template's next version.
  const V1_SAME_WORDING = [
    ['contrast-allergy', 'contrast-allergy-blocks', 'contrast-allergy-tfesi'],
    ['diabetic-glucose-plan-esi', 'diabetic-glucose-plan-facet-ia'],
    ['pregnancy-breastfeeding', 'pregnancy-breastfeeding-tfesi'],
    ['refusal-or-unable-to-consent', 'refusal-or-unable-to-consent-tfesi'],
    ['systemic-infection', 'systemic-infection-tfesi'],
    ['uncorrected-coagulopathy-intermediate-risk', 'uncorrected-coagulopathy-intermediate-risk-tfesi'],
  ];

  it('has no two facts with the same wording but the known version-1 ones', () => {
    const byWording = new Map<string, string[]>();
    for (const f of facts) byWording.set(wording(f.value), [...(byWording.get(wording(f.value)) ?? []), f.id]);
    const same = [...byWording.values()].filter((ids) => ids.length > 1).map((ids) => ids.sort());
    expect(same.sort()).toEqual(V1_SAME_WORDING);
  });
});
