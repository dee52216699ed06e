import type { ConsoleProfileQuery } from '../gql/graphql';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** The identity graph: every identity of the profile, grouped by namespace (in the gateway's namespace priority). */
export function IdentitiesPanel({ profile, namespaceOrder }: { profile: Profile; namespaceOrder: readonly string[] }) {
  const groups = new Map<string, Profile['identities']>();
  for (const identity of profile.identities) groups.set(identity.namespace, [...(groups.get(identity.namespace) ?? []), identity]);
  const rank = (namespace: string): number => {
    const at = namespaceOrder.indexOf(namespace);
    return at === -1 ? namespaceOrder.length : at;
  };
  const namespaces = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <section class="panel" aria-labelledby="identities-title">
      <h3 id="identities-title">Identities ({profile.identities.length})</h3>
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
