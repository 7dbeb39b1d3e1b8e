/**
 * Exposes exactly two functions to the page: invoke(method, input, session) and
 * on(event, listener), both on fixed channels. No Electron object ever reaches
 * the page; listeners receive plain data only.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, IPC_CHANNEL } from '#shared/contract/methods';

contextBridge.exposeInMainWorld('procedureDesk', {
  invoke: (method: string, input: unknown, session?: string | null) => ipcRenderer.invoke(IPC_CHANNEL, method, input, session ?? null) as Promise<unknown>,
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_e: unknown, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
