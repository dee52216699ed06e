/**
 * Text helpers that every layer may import (xdm, identity, merge, store, pql,
 * segments, graphql, server): pure, and importing nothing of the project.
 */
export { compareCodePoints } from './compareCodePoints';
