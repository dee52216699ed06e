import { churnBand } from '../churnBand';
import { formatNumber, formatValue } from '../format';
import type { ConsoleBootstrapQuery, ConsoleProfileQuery } from '../gql/graphql';
import { Sourced } from './Sourced';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** The computed attributes that measure campaign exposure, by name (none may be defined). */
const CAMPAIGN = /campaign|exposure/i;

/**
 * Value and risk: churn propensity as a banded indicator, lifetime value,
 * campaign exposure (when a computed attribute for it is defined; otherwise
 * an empty state), and the other computed attributes.
 */
export function ScoresPanel({ profile, definitions }: { profile: Profile; definitions: ConsoleBootstrapQuery['computedAttributes'] }) {
  const churn = profile._demo?.churnPropensity ?? null;
  const band = churnBand(churn);
  const campaign = definitions.filter((definition) => CAMPAIGN.test(definition.name));
  const valueOf = (name: string): unknown => profile.computedAttributes.find((attribute) => attribute.name === name)?.value ?? null;
  const others = profile.computedAttributes.filter((attribute) => !CAMPAIGN.test(attribute.name));
  return (
    <section class="panel" aria-labelledby="scores-title">
      <h3 id="scores-title">Value and risk</h3>
      <dl class="facts">
        <div>
          <dt>Churn propensity</dt>
          <dd>
            {band === undefined || churn === null ? (
              'No score'
            ) : (
              <Sourced source={profile.churnSource}>
                <span
                  class={`band band-${band}`}
                  role="meter"
                  aria-label="Churn propensity"
                  aria-valuemin={0}
                  aria-valuemax={1}
                  aria-valuenow={churn}
                  aria-valuetext={`${band} risk (${Math.round(churn * 100)}%)`}
                >
                  <span class="band-fill" style={{ width: `${Math.round(churn * 100)}%` }} />
                </span>{' '}
                <span class="band-label">{band} risk</span> ({Math.round(churn * 100)}%)
              </Sourced>
            )}
          </dd>
        </div>
        <div>
          <dt>Lifetime value</dt>
          <dd>
            {profile._demo?.lifetimeValue == null ? '—' : <Sourced source={profile.valueSource}>{formatNumber(profile._demo.lifetimeValue)}</Sourced>}
          </dd>
        </div>
        <div>
          <dt>Campaign exposure</dt>
          <dd>
            {campaign.length === 0 ? (
              <span class="empty">No campaign-exposure attribute is defined</span>
            ) : (
              campaign.map((definition) => (
                <span key={definition.name} title={definition.description ?? undefined}>
                  {definition.name}: {formatValue(valueOf(definition.name))}{' '}
                </span>
              ))
            )}
          </dd>
        </div>
      </dl>
      {others.length > 0 && (
        <table class="computed">
          <caption>Computed attributes</caption>
          <tbody>
            {others.map((attribute) => (
              <tr key={attribute.name}>
                <th scope="row">{attribute.name}</th>
                <td>{formatValue(attribute.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
