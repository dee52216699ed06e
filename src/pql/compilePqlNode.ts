import { compileValueTest, isStringKind, article } from './compileValueTest';
import { PqlError } from './PqlError';
import type { PqlNode, PqlPath } from './PqlNode';
import type { PqlValueKind } from './PqlValueKind';

/** A compiled condition over one evaluation context (a profile's input, or one event). */
export type PqlPredicate<C> = (context: C) => boolean;

/** `xEvent[...].count() OP n` and `xEvent[...].exists()`: meaningful only over a profile's events. */
export type PqlEventQueryNode = Extract<PqlNode, { kind: 'eventCount' | 'eventExists' }>;
/** `timestamp occurs … before now`: meaningful only on one event. */
export type PqlTimeWindowNode = Extract<PqlNode, { kind: 'occurs' }>;

/** A path checked against its tree: the kind of what it names and how to read it. */
export interface ResolvedPath<C> {
  readonly kind: PqlValueKind;
  /** Every non-null value the path reaches in the context (arrays fan out). */
  readonly read: (context: C) => unknown[];
}

/**
 * What paths mean where a condition stands: the profile (with
 * `computedAttributes.*` and `xEvent[...]`) or one event (with
 * `timestamp occurs …`). Each hook checks at compile time and throws
 * {@link PqlError}.
 */
export interface PqlScope<C> {
  path(path: PqlPath): ResolvedPath<C>;
  eventQuery(node: PqlEventQueryNode): PqlPredicate<C>;
  timeWindow(node: PqlTimeWindowNode): PqlPredicate<C>;
}

/**
 * Checks a syntax tree against a scope and turns it into a predicate, once:
 * evaluation then runs closures, never the tree. A condition on a path holds
 * when it holds for any value the path reaches, so a missing or null value
 * makes every comparison (and `in`, `startsWith`, `contains`) false, and
 * `not` of it true.
 */
export function compilePqlNode<C>(node: PqlNode, scope: PqlScope<C>): PqlPredicate<C> {
  switch (node.kind) {
    case 'or': {
      const operands = node.operands.map((operand) => compilePqlNode(operand, scope));
      return (context) => operands.some((operand) => operand(context));
    }
    case 'and': {
      const operands = node.operands.map((operand) => compilePqlNode(operand, scope));
      return (context) => operands.every((operand) => operand(context));
    }
    case 'not': {
      const operand = compilePqlNode(node.operand, scope);
      return (context) => !operand(context);
    }
    case 'compare': {
      const { kind, read } = scope.path(node.path);
      const test = compileValueTest(kind, node.path.text, node.operator, node.value);
      return (context) => read(context).some(test);
    }
    case 'in': {
      const { kind, read } = scope.path(node.path);
      const tests = node.values.map((value) => compileValueTest(kind, node.path.text, '=', value));
      return (context) => read(context).some((value) => tests.some((test) => test(value)));
    }
    case 'exists': {
      const { read } = scope.path(node.path);
      return (context) => read(context).length > 0;
    }
    case 'stringMatch': {
      const { kind, read } = scope.path(node.path);
      if (!isStringKind(kind)) {
        throw new PqlError('PQL_TYPE_ERROR', node.path.position, `${node.method} applies to strings, and ${node.path.text} is ${article(kind)}`);
      }
      const expected = node.value.value;
      if (typeof expected !== 'string') throw new PqlError('PQL_TYPE_ERROR', node.value.position, `${node.method} takes a string, got ${String(expected)}`);
      const test = node.method === 'startsWith' ? (value: string) => value.startsWith(expected) : (value: string) => value.includes(expected);
      return (context) => read(context).some((value) => typeof value === 'string' && test(value));
    }
    case 'eventCount':
    case 'eventExists':
      return scope.eventQuery(node);
    case 'occurs':
      return scope.timeWindow(node);
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}
