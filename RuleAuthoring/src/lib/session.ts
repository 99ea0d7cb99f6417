/**
 * The API key of the signed-in user. Kept in sessionStorage: it lasts while the tab is open and
 * is never written to disk beyond the browser's session, so a shared laptop does not keep keys.
 */
const KEY = 'inventoryrules.apiKey';

export function storedApiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeApiKey(apiKey: string | null): void {
  if (apiKey) sessionStorage.setItem(KEY, apiKey);
  else sessionStorage.removeItem(KEY);
}
