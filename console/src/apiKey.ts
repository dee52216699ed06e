/** Where the agent's frontend key is kept: this browser tab's session only (gone when the tab closes). */
const STORAGE_KEY = 'profile-gateway.console.apiKey';

/** The key entered in this browser session, if any. */
export function storedApiKey(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Keeps the key for this browser session; `null` forgets it. */
export function storeApiKey(key: string | null): void {
  if (key === null) window.sessionStorage.removeItem(STORAGE_KEY);
  else window.sessionStorage.setItem(STORAGE_KEY, key);
}
