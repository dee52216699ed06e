/** One identity of the graph. */
interface Identity {
  readonly namespace: string;
  readonly id: string;
  readonly primary: boolean;
}

/**
 * The identity graph: every identity linked to the one searched (devices
 * included, which no profile record carries), grouped by namespace in the
 * gateway's namespace priority.
 */
export function IdentitiesPanel({ identities, namespaceOrder }: { identities: readonly Identity[]; namespaceOrder: readonly string[] }) {
  const groups = new Map<string, Identity[]>();
  for (const identity of identities) groups.set(identity.namespace, [...(groups.get(identity.namespace) ?? []), identity]);
  const rank = (namespace: string): number => {
    const at = namespaceOrder.indexOf(namespace);
    return at === -1 ? namespaceOrder.length : at;
  };
  const namespaces = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <section class="panel" aria-labelledby="identities-title">
      <h3 id="identities-title">Identities ({identities.length})</h3>
      <dl class="identities">
        {namespaces.map((namespace) => (
          <div key={namespace}>
            <dt>{namespace}</dt>
            {(groups.get(namespace) ?? []).map((identity) => (
              <dd key={identity.id}>
                <code>{identity.id}</code>
                {identity.primary && <span class="primary"> primary</span>}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </section>
  );
}
