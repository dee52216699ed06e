import { formatNumber } from '../format';
import type { ConsoleProfileQuery } from '../gql/graphql';
import { Sourced } from './Sourced';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** Loyalty: tier and points. */
export function LoyaltyPanel({ profile }: { profile: Profile }) {
  const { loyalty } = profile;
  return (
    <section class="panel" aria-labelledby="loyalty-title">
      <h3 id="loyalty-title">Loyalty</h3>
      {loyalty === null ? (
        <p class="empty">Not a loyalty member.</p>
      ) : (
        <dl class="facts">
          <div>
            <dt>Tier</dt>
            <dd class={`tier tier-${loyalty.tier ?? 'none'}`}>
              {loyalty.tier ? <Sourced source={profile.tierSource}>{loyalty.tier}</Sourced> : '—'}
            </dd>
          </div>
          <div>
            <dt>Points</dt>
            <dd>{loyalty.points === null ? '—' : <Sourced source={profile.pointsSource}>{formatNumber(loyalty.points)}</Sourced>}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
