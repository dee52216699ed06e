import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { storeApiKey, storedApiKey } from './apiKey';
import { createConsoleClient } from './client';
import { KeyPrompt } from './components/KeyPrompt';
import { ProfileView } from './components/ProfileView';
import { SearchBar } from './components/SearchBar';
import type { Timeline } from './components/TimelinePanel';
import {
  ConsoleBootstrapDocument,
  ConsoleProfileDocument,
  type ConsoleBootstrapQuery,
  type ConsoleProfileQuery,
  ConsoleTimelineDocument,
} from './gql/graphql';
import { AUTO, parseIdentity } from './parseIdentity';
import { KeyRequiredError, runOperation } from './runOperation';

/** Events per page of the timeline. */
const PAGE_SIZE = 20;

type Identity = { namespace: string; id: string };
type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'invalid'; problem: string }
  | { kind: 'notFound'; identity: Identity }
  | { kind: 'error'; problem: string }
  | {
      kind: 'shown';
      identity: Identity;
      profile: NonNullable<ConsoleProfileQuery['profile']>;
      graph: NonNullable<ConsoleProfileQuery['identityGraph']>['identities'] | null;
    };

/** The agent console: a search box, and the 360 view of the profile found. */
export function App() {
  const key = useRef<string | null>(storedApiKey());
  const client = useMemo(() => createConsoleClient(() => key.current), []);
  const [keyPrompt, setKeyPrompt] = useState<{ refused: boolean } | null>(null);
  const [bootstrap, setBootstrap] = useState<ConsoleBootstrapQuery | null>(null);
  const [text, setText] = useState('');
  const [namespace, setNamespace] = useState(AUTO);
  const [policyId, setPolicyId] = useState('');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  /** Runs an operation; a 401 asks for a key (forgetting one the gateway refused). */
  const run = useCallback(async <T,>(operation: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof KeyRequiredError)) throw error;
      if (error.refused) storeApiKey(null);
      key.current = null;
      setKeyPrompt({ refused: error.refused });
      return undefined;
    }
  }, []);

  const loadBootstrap = useCallback(async () => {
    try {
      const data = await run(() => runOperation(client, ConsoleBootstrapDocument, {}, key.current !== null));
      if (data === undefined) return;
      setBootstrap(data);
      setPolicyId((current) => current || (data.mergePolicies.find((policy) => policy.isDefault)?.id ?? ''));
    } catch (error) {
      setView({ kind: 'error', problem: (error as Error).message });
    }
  }, [client, run]);

  useEffect(() => {
    void loadBootstrap();
  }, [loadBootstrap]);

  // `/` focuses the search box from anywhere but a field being typed in.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const lookUp = useCallback(
    async (identity: Identity, mergePolicyId: string) => {
      const request = ++latest.current;
      performance.clearMarks();
      performance.mark('console:search');
      setView({ kind: 'loading' });
      try {
        const variables = { identity, mergePolicyId: mergePolicyId || null, pageSize: PAGE_SIZE, eventTypes: null };
        const data = await run(() => runOperation(client, ConsoleProfileDocument, variables, key.current !== null));
        if (request !== latest.current || data === undefined) return;
        const { profile } = data;
        if (profile === null) {
          setView({ kind: 'notFound', identity });
          setTimeline(null);
          return;
        }
        const page = profile.timeline;
        setTimeline({
          events: page.edges.map((edge) => edge.node),
          hasNextPage: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor,
          eventType: '',
          loading: false,
          problem: null,
        });
        setView({ kind: 'shown', identity, profile, graph: data.identityGraph?.identities ?? null });
      } catch (error) {
        if (request === latest.current) setView({ kind: 'error', problem: (error as Error).message });
      }
    },
    [client, run],
  );

  // The profile is on screen: the browser test measures from the search to this mark.
  useEffect(() => {
    if (view.kind === 'shown' || view.kind === 'notFound') performance.mark('console:shown');
  }, [view]);

  const onSearch = (): void => {
    const parsed = parseIdentity(text, namespace);
    if (!parsed.ok) {
      setView({ kind: 'invalid', problem: parsed.problem });
      setTimeline(null);
      return;
    }
    void lookUp({ namespace: parsed.namespace, id: parsed.id }, policyId);
  };

  const onPolicy = (id: string): void => {
    setPolicyId(id);
    if (view.kind === 'shown' || view.kind === 'notFound') void lookUp(view.identity, id);
  };

  /** Loads the timeline's next page, or (`eventType` given) its first page of that type. */
  const loadTimeline = useCallback(
    async (eventType?: string) => {
      if (view.kind !== 'shown' || timeline === null || (eventType === undefined && (timeline.loading || !timeline.hasNextPage))) return;
      const type = eventType ?? timeline.eventType;
      const after = eventType === undefined ? timeline.endCursor : null;
      const request = latest.current;
      setTimeline({
        ...timeline,
        eventType: type,
        loading: true,
        problem: null,
        ...(eventType === undefined ? {} : { events: [], hasNextPage: false }),
      });
      try {
        const variables = {
          identity: view.identity,
          mergePolicyId: policyId || null,
          pageSize: PAGE_SIZE,
          after,
          eventTypes: type === '' ? null : [type],
        };
        const data = await run(() => runOperation(client, ConsoleTimelineDocument, variables, key.current !== null));
        if (request !== latest.current || data?.profile == null) return;
        const page = data.profile.events;
        setTimeline((current) => ({
          events: [...(after === null ? [] : (current?.events ?? [])), ...page.edges.map((edge) => edge.node)],
          hasNextPage: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor,
          eventType: type,
          loading: false,
          problem: null,
        }));
      } catch (error) {
        setTimeline((current) => (current === null ? null : { ...current, loading: false, problem: (error as Error).message }));
      }
    },
    [client, run, view, timeline, policyId],
  );
  const onMore = useCallback(() => void loadTimeline(), [loadTimeline]);
  const onFilter = useCallback((type: string) => void loadTimeline(type), [loadTimeline]);

  const onKey = (entered: string): void => {
    storeApiKey(entered);
    key.current = entered;
    setKeyPrompt(null);
    void loadBootstrap();
  };

  return (
    <>
      <a class="skip" href="#main">
        Skip to the profile
      </a>
      <header class="top">
        <h1>Agent console</h1>
        {keyPrompt === null && (
          <SearchBar
            inputRef={search}
            text={text}
            namespace={namespace}
            policyId={policyId}
            bootstrap={bootstrap}
            onText={setText}
            onNamespace={setNamespace}
            onPolicy={onPolicy}
            onSearch={onSearch}
          />
        )}
      </header>
      {keyPrompt !== null ? (
        <KeyPrompt refused={keyPrompt.refused} onKey={onKey} />
      ) : (
        <main id="main" tabIndex={-1}>
          {view.kind === 'idle' && (
            <p class="hint">Type what the caller gives you (an email, a phone number, a CRM or loyalty id) and press Enter.</p>
          )}
          {view.kind === 'loading' && (
            <p class="hint" role="status">
              Searching…
            </p>
          )}
          {view.kind === 'invalid' && (
            <p role="alert" class="problem">
              {view.problem}
            </p>
          )}
          {view.kind === 'notFound' && (
            <p role="alert" class="problem">
              No profile found for {view.identity.namespace} “{view.identity.id}”.
            </p>
          )}
          {view.kind === 'error' && (
            <p role="alert" class="problem">
              {view.problem}
            </p>
          )}
          {view.kind === 'shown' && timeline !== null && (
            <ProfileView profile={view.profile} graph={view.graph} timeline={timeline} bootstrap={bootstrap} onMore={onMore} onFilter={onFilter} />
          )}
        </main>
      )}
    </>
  );
}
