import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatDateTime } from '../format';
import type { AttributeSourceFragment } from '../gql/graphql';

/**
 * A merged attribute with its provenance: hovering over it (or focusing it
 * with the keyboard) shows the dataset, record and time its value came from.
 */
export function Sourced({ source, children }: { source: AttributeSourceFragment | null; children: ComponentChildren }) {
  const id = useId();
  if (source === null) return <span>{children}</span>;
  return (
    <span class="sourced" tabIndex={0} aria-describedby={id}>
      {children}
      <span role="tooltip" id={id} class="source-tip">
        From dataset <strong>{source.datasetId}</strong>, record <code>{source.recordId}</code>, {formatDateTime(source.timestamp)}
      </span>
    </span>
  );
}
