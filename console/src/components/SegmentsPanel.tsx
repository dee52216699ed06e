import { formatDate } from '../format';
import type { ConsoleProfileQuery } from '../gql/graphql';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** Audiences: the segments realized and exited, with dates. */
export function SegmentsPanel({ profile }: { profile: Profile }) {
  const realized = profile.segmentMembership.filter((membership) => membership.status === 'REALIZED');
  const exited = profile.segmentMembership.filter((membership) => membership.status === 'EXITED');
  return (
    <section class="panel" aria-labelledby="segments-title">
      <h3 id="segments-title">Audiences</h3>
      {profile.segmentMembership.length === 0 && <p class="empty">In no segment.</p>}
      {realized.length > 0 && (
        <ul class="segments" aria-label="Realized segments">
          {realized.map((membership) => (
            <li key={membership.segment.id} class="realized">
              <span class="status">In</span> {membership.segment.name} <span class="when">since {formatDate(membership.lastQualificationTime)}</span>
            </li>
          ))}
        </ul>
      )}
      {exited.length > 0 && (
        <ul class="segments" aria-label="Exited segments">
          {exited.map((membership) => (
            <li key={membership.segment.id} class="exited">
              <span class="status">Left</span> {membership.segment.name} <span class="when">on {formatDate(membership.lastQualificationTime)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
