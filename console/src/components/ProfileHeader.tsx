import type { ConsoleProfileQuery } from '../gql/graphql';
import { Sourced } from './Sourced';

type Profile = NonNullable<ConsoleProfileQuery['profile']>;

/** Who this is: the name, the primary identity and the contact points. */
export function ProfileHeader({ profile }: { profile: Profile }) {
  const name = [profile.person?.name?.firstName, profile.person?.name?.lastName].filter(Boolean);
  const primary = profile.identities.find((identity) => identity.primary) ?? profile.identities[0];
  const phones = [profile.mobilePhone?.number, profile.homePhone?.number].filter((phone): phone is string => typeof phone === 'string');
  return (
    <section class="panel header-panel" aria-labelledby="profile-name">
      <h2 id="profile-name">
        {name.length === 0 ? (
          'Name not known'
        ) : (
          <>
            <Sourced source={profile.firstNameSource}>{profile.person?.name?.firstName}</Sourced>{' '}
            <Sourced source={profile.lastNameSource}>{profile.person?.name?.lastName}</Sourced>
          </>
        )}
      </h2>
      <dl class="facts">
        {primary !== undefined && (
          <div>
            <dt>Primary identity</dt>
            <dd>
              {primary.namespace} <code>{primary.id}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Email</dt>
          <dd>{profile.personalEmail?.address ? <Sourced source={profile.emailSource}>{profile.personalEmail.address}</Sourced> : '—'}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{phones.length === 0 ? '—' : <Sourced source={profile.phoneSource}>{phones.join(', ')}</Sourced>}</dd>
        </div>
        <div>
          <dt>City</dt>
          <dd>
            {profile.homeAddress?.city ? (
              <Sourced source={profile.citySource}>{[profile.homeAddress.city, profile.homeAddress.country].filter(Boolean).join(', ')}</Sourced>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
