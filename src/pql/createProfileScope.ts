import { PqlError } from './PqlError';
import type { PqlInput } from './PqlInput';
import type { PqlSchema } from './PqlSchema';
import { compilePqlNode, type PqlScope } from './compilePqlNode';
import { createEventScope } from './createEventScope';
import { operatorOutcome } from './operatorOutcome';
import { readPathValues } from './readPathValues';
import { resolveXdmPath } from './resolveXdmPath';
import { nearest } from './suggestPath';
import { unknownAttributeError } from './unknownAttributeError';

const COMPUTED = 'computedAttributes';

/**
 * Paths of a segment expression: the merged profile's short-form fields,
 * checked against the schema's profile tree, and `computedAttributes.<name>`,
 * checked against the schema's computed attributes (each name read is added
 * to `used`). `xEvent[...]` conditions count the input's events that match.
 */
export function createProfileScope(schema: PqlSchema, used: Set<string>): PqlScope<PqlInput> {
  const eventScope = createEventScope(schema);
  return {
    path(path) {
      if (path.segments[0] === COMPUTED) {
        const name = path.segments[1];
        const kind = name === undefined ? undefined : schema.computedAttributes.get(name);
        if (name === undefined || kind === undefined) {
          const known = [...schema.computedAttributes.keys()].sort();
          const suggestion = name === undefined ? null : nearest(name, known);
          const didYouMean = suggestion === null ? '' : `; did you mean "${COMPUTED}.${suggestion}"?`;
          throw new PqlError(
            'PQL_UNKNOWN_ATTRIBUTE',
            path.position,
            `unknown computed attribute "${path.text}" (computed attributes: ${known.join(', ') || 'none'})${didYouMean}`,
          );
        }
        // A computed attribute's value is a scalar unless its kind says it has fields.
        if (path.segments.length > 2 && kind !== 'object' && kind !== 'any') {
          throw new PqlError('PQL_UNKNOWN_ATTRIBUTE', path.position, `unknown computed attribute "${path.text}" (${COMPUTED}.${name} is a ${kind} and has no fields)`);
        }
        used.add(name);
        const rest = path.segments.slice(2);
        return { kind: rest.length === 0 ? kind : 'any', read: (input) => readPathValues(input.computedAttributes[name], rest) };
      }
      const resolution = resolveXdmPath(schema.profile, path.segments);
      if (!resolution.found) throw unknownAttributeError(path, 'profile', schema.profile, resolution);
      const segments = path.segments;
      return { kind: resolution.kind, read: (input) => readPathValues(input.profile, segments) };
    },
    eventQuery(node) {
      const matches = compilePqlNode(node.condition, eventScope);
      if (node.kind === 'eventExists') {
        return (input) => {
          const now = input.now.getTime();
          return input.events.some((event) => matches({ event, now }));
        };
      }
      const holds = operatorOutcome(node.operator);
      const expected = node.count;
      return (input) => {
        const now = input.now.getTime();
        let count = 0;
        for (const event of input.events) if (matches({ event, now })) count += 1;
        return holds(count - expected);
      };
    },
    timeWindow(node) {
      throw new PqlError('PQL_SYNTAX_ERROR', node.position, 'timestamp occurs … stands only inside xEvent[...]');
    },
  };
}
