/**
 * The kind of a value a PQL path names, as the checker sees it: `dateTime`
 * and `date` are XDM strings with `format: date-time` / `format: date`,
 * `number` covers XDM `number` and `integer`, `object` covers objects and
 * maps, `array` an array of objects, and `any` a free-form or union value
 * (checked at evaluation only).
 */
export type PqlValueKind = 'string' | 'number' | 'boolean' | 'dateTime' | 'date' | 'object' | 'array' | 'any';
