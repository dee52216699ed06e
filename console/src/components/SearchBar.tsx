import type { Ref } from 'preact';
import type { ConsoleBootstrapQuery } from '../gql/graphql';
import { AUTO } from '../parseIdentity';

/**
 * The one search box (role `searchbox`): Enter searches, `/` focuses it. The
 * namespace comes from the value's shape unless the menu overrides it; the
 * merge policy can be switched beside it.
 */
export function SearchBar(props: {
  inputRef: Ref<HTMLInputElement>;
  text: string;
  namespace: string;
  policyId: string;
  bootstrap: ConsoleBootstrapQuery | null;
  onText: (text: string) => void;
  onNamespace: (namespace: string) => void;
  onPolicy: (policyId: string) => void;
  onSearch: () => void;
}) {
  const namespaces = props.bootstrap?.identityNamespaces ?? [];
  const policies = props.bootstrap?.mergePolicies ?? [];
  return (
    <form
      role="search"
      class="search"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch();
      }}
    >
      <input
        ref={props.inputRef}
        type="search"
        aria-label="Email, phone number or id"
        aria-keyshortcuts="/"
        placeholder="Email, phone or id — press / to search"
        value={props.text}
        onInput={(event) => props.onText((event.target as HTMLInputElement).value)}
      />
      <select value={props.namespace} aria-label="Namespace" onChange={(event) => props.onNamespace((event.target as HTMLSelectElement).value)}>
        <option value={AUTO}>Any (by shape)</option>
        {namespaces.map((namespace) => (
          <option key={namespace.code} value={namespace.code}>
            {namespace.code}
          </option>
        ))}
      </select>
      <button type="submit">Search</button>
      <label class="policy">
        Merge policy{' '}
        <select value={props.policyId} aria-label="Merge policy" onChange={(event) => props.onPolicy((event.target as HTMLSelectElement).value)}>
          {policies.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
