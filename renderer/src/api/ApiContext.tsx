import { createContext, useContext, type ReactNode } from 'react';
import type { DeskApi } from './client';

const ApiContext = createContext<DeskApi | null>(null);

export function ApiProvider({ api, children }: { api: DeskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}
