import { useState } from 'preact/hooks';

/**
 * The key prompt (AUTH_MODE=apiKey): the agent enters their frontend key once
 * per browser session; it is kept in sessionStorage, so it is gone when the
 * tab closes.
 */
export function KeyPrompt({ refused, onKey }: { refused: boolean; onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main id="main" class="key-prompt">
      <form
        aria-labelledby="key-title"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim() !== '') onKey(key.trim());
        }}
      >
        <h2 id="key-title">Enter your frontend API key</h2>
        <p>The gateway requires an API key. It is kept for this browser session only.</p>
        {refused && <p role="alert">That key was refused. Check it and try again.</p>}
        <label for="api-key">Frontend API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          autoFocus
          value={key}
          onInput={(event) => setKey((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Use this key</button>
      </form>
    </main>
  );
}
