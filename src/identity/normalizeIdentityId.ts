import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * How a namespace writes its identity values, so that every spelling of one
 * identity is one key: `EMAIL` (trimmed, Unicode NFC, lower case; a local
 * part and a domain around one `@`), `PHONE_E164` (parsed by
 * libphonenumber-js and written in E.164, `+` and digits), `LOWERCASE`
 * (trimmed, NFC, lower case), `NONE` (as given).
 */
export type IdentityNormalization = 'EMAIL' | 'PHONE_E164' | 'LOWERCASE' | 'NONE';

/** Every normalization, for messages and validation. */
export const IDENTITY_NORMALIZATIONS: readonly IdentityNormalization[] = ['EMAIL', 'PHONE_E164', 'LOWERCASE', 'NONE'];

/** The normalized id, or why the value cannot be one. */
export type NormalizedId = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string };

/** What normalization depends on besides the value. */
export interface NormalizationContext {
  /** Region of a phone number written without its country code (ISO 3166 alpha-2, e.g. `PT`); none: such numbers are refused. */
  readonly phoneDefaultRegion?: CountryCode | undefined;
}

/** E.164: at most 15 digits, country code included. */
const E164_MAX_DIGITS = 15;

/**
 * The normalized form of an identity value under a namespace's
 * normalization. Pure. A value that is not one of the namespace's kind (an
 * "email" without `@`, a "phone number" with letters) is refused with a
 * reason that shows the rule; a phone number is not checked against a
 * numbering plan (test ranges and unassigned numbers are kept), only parsed.
 */
export function normalizeIdentityId(normalization: IdentityNormalization, value: string, context: NormalizationContext = {}): NormalizedId {
  switch (normalization) {
    case 'NONE':
      return { ok: true, id: value };
    case 'LOWERCASE':
      return { ok: true, id: value.trim().normalize('NFC').toLowerCase() };
    case 'EMAIL':
      return normalizeEmail(value);
    case 'PHONE_E164':
      return normalizePhone(value, context.phoneDefaultRegion);
    default: {
      const unreachable: never = normalization;
      throw new Error(`unknown identity normalization ${JSON.stringify(unreachable)}`);
    }
  }
}

function normalizeEmail(value: string): NormalizedId {
  const id = value.trim().normalize('NFC').toLowerCase();
  const at = id.lastIndexOf('@');
  // Internationalized addresses (RFC 6531: `eduardo.queirós@exemplo.pt`, IDN domains) are emails too.
  if (at <= 0 || at === id.length - 1 || id.indexOf('@') !== at || /\s/u.test(id)) {
    return { ok: false, reason: `${JSON.stringify(value)} is not an email address (one '@' between a local part and a domain, no spaces)` };
  }
  return { ok: true, id };
}

function normalizePhone(value: string, region: CountryCode | undefined): NormalizedId {
  const parsed = parsePhoneNumberFromString(value.trim(), { extract: false, ...(region === undefined ? {} : { defaultCountry: region }) });
  const regionHint = region === undefined ? ' (no default region is set: write it with its country code, e.g. +351…)' : ` (default region ${region})`;
  if (parsed === undefined) return { ok: false, reason: `${JSON.stringify(value)} is not a phone number${regionHint}` };
  if (parsed.ext !== undefined) return { ok: false, reason: `${JSON.stringify(value)} has an extension; an E.164 identity has none` };
  if (parsed.number.length - 1 > E164_MAX_DIGITS) {
    return { ok: false, reason: `${JSON.stringify(value)} has more than ${E164_MAX_DIGITS} digits, the most E.164 allows` };
  }
  return { ok: true, id: parsed.number };
}
