/**
 * The renderer benchmark page: the app's real worklist screen and checklist
 * section, its real stores and styles, over a fake bridge (fake-bridge.ts).
 * driver.ts loads it in Chromium and drives it; `window.bench` is its handle.
 */
// The app's own stylesheets, as renderer/index.html loads them: without them the
// page would lay out unstyled rows and time less than the app does.
import '../../renderer/theme.css';
import '../../renderer/styles.css';
import '../../renderer/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, setClient } from '../../renderer/api/client';
import { ChecklistSectionView } from '../../renderer/components/ChecklistSectionView';
import { WorklistScreen } from '../../renderer/components/WorklistScreen';
import { useChecklist } from '../../renderer/stores/checklist';
import { useEncounter } from '../../renderer/stores/encounter';
import { useWorklist } from '../../renderer/stores/worklist';
import type { EncounterDetail } from '#shared/contract/encounter';
import { fakeBridge } from './fake-bridge';
import { BENCH_DATE, checklistSection, worklistRows } from './fake-data';
import type { BenchHandle } from './handle';
import { firstRender, setLabel, settle, timings, trackInputs } from './measure';
import '../../renderer/theme.css';
import '../../renderer/styles.css';

// #worklist&rows=100000, #checklist&items=150 (the driver also loads small ones as baselines).
const params = new URLSearchParams(location.hash.slice(1));
const screen = params.has('checklist') ? 'checklist' : 'worklist';
const WORKLIST_ROWS = Number(params.get('rows') ?? 100_000);
const CHECKLIST_ITEMS = Number(params.get('items') ?? 150);
const rows = screen === 'worklist' ? worklistRows(WORKLIST_ROWS) : [];
const section = checklistSection(CHECKLIST_ITEMS);
setClient(createClient(fakeBridge(rows)));

async function mount(): Promise<number> {
  const time = await render();
  trackInputs(['keydown', 'click', 'scroll']);
  return time;
}

function render(): Promise<number> {
  const root = createRoot(document.getElementById('root')!);
  const start = performance.now();
  if (screen === 'worklist') {
    useWorklist.setState({ date: BENCH_DATE, query: '' });
    root.render(<StrictMode><WorklistScreen /></StrictMode>);
    return firstRender(start, () => useWorklist.getState().rows.length === WORKLIST_ROWS && document.querySelectorAll('tbody tr[data-index]').length > 0);
  }
  useEncounter.setState({ encounterId: 'bench', detail: { encounter: { state: 'pre-procedure' } } as unknown as EncounterDetail });
  useChecklist.setState({ items: {}, saves: {}, itemHistory: {} });
  root.render(<StrictMode><main><ChecklistSectionView section={section} sources={[]} /></main></StrictMode>);
  return firstRender(start, () => document.querySelectorAll('li.checklist-item').length === CHECKLIST_ITEMS);
}

const bench: BenchHandle = {
  mount,
  timings,
  setLabel,
  worklistSettled: (query) => settle(() => {
    const s = useWorklist.getState();
    return s.query === query && !s.loading;
  }),
  itemSettled: (itemId) => settle(() => useChecklist.getState().saves[itemId]?.kind === 'saved'),
  itemIds: section.items.map((i) => i.id),
  renderedRows: () => document.querySelectorAll('tbody tr[data-index]').length,
};
window.bench = bench;
