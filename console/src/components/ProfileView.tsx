import { useMemo } from 'preact/hooks';
import type { ConsoleBootstrapQuery, ConsoleProfileQuery } from '../gql/graphql';
import { weeklyActivity } from '../weeklyActivity';
import { IdentitiesPanel } from './IdentitiesPanel';
import { LoyaltyPanel } from './LoyaltyPanel';
import { ProfileHeader } from './ProfileHeader';
import { ScoresPanel } from './ScoresPanel';
import { SegmentsPanel } from './SegmentsPanel';
import { type Timeline, TimelinePanel } from './TimelinePanel';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** The 360 view: who, value and risk, audiences and identities on the left; the timeline on the right. */
export function ProfileView(props: {
  profile: Profile;
  graph: NonNullable<ConsoleProfileQuery['identityGraph']>['identities'] | null;
  timeline: Timeline;
  bootstrap: ConsoleBootstrapQuery | null;
  onMore: () => void;
  onFilter: (eventType: string) => void;
}) {
  const { profile } = props;
  const activity = profile.activity.edges.map((edge) => edge.node);
  const weeks = useMemo(() => weeklyActivity(activity, new Date()), [profile]);
  const eventTypes = useMemo(
    () => [...new Set(activity.map((event) => event.eventType).filter((type): type is string => typeof type === 'string'))].sort(),
    [profile],
  );
  const namespaceOrder = [...(props.bootstrap?.identityNamespaces ?? [])].sort((a, b) => a.priority - b.priority).map((namespace) => namespace.code);
  return (
    <div class="profile" aria-label="Profile">
      <div class="column">
        <ProfileHeader profile={profile} />
        <div class="row">
          <LoyaltyPanel profile={profile} />
          <SegmentsPanel profile={profile} />
        </div>
        <ScoresPanel profile={profile} definitions={props.bootstrap?.computedAttributes ?? []} />
        <IdentitiesPanel identities={props.graph ?? profile.identities} namespaceOrder={namespaceOrder} />
        <p class="merged-by">Merged by policy “{profile.mergePolicy.name}”.</p>
      </div>
      <TimelinePanel
        timeline={props.timeline}
        eventTypes={eventTypes}
        weeks={weeks}
        partialActivity={profile.activity.pageInfo.hasNextPage}
        onFilter={props.onFilter}
        onMore={props.onMore}
      />
    </div>
  );
}
