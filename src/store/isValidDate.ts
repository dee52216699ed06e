import { types } from 'node:util';

/**
 * True for a Date that holds a time (not `new Date(NaN)`). `types.isDate`,
 * not `instanceof`: a Date made in another realm (a vm context, such as
 * `structuredClone` under jest) is a Date too.
 */
export function isValidDate(value: unknown): value is Date {
  return types.isDate(value) && !Number.isNaN(value.getTime());
}
