import { type Identity, identityKey, type IdentityRules } from '../../identity';
import { GatewayError } from '../GatewayError';

/**
 * Checks an `IdentityInput` from a client: a known namespace and a non-empty
 * id that its namespace can normalize. Returns the key of the normalized
 * identity (`Person000007@Example.com ` → `Email:person000007@example.com`),
 * the form identities are stored in.
 */
export function identityInputKey(input: Identity, rules: IdentityRules): string {
  if (rules.namespace(input.namespace) === undefined) {
    throw new GatewayError(
      'UNKNOWN_NAMESPACE',
      `identity namespace '${input.namespace}' is not defined; known namespaces: ${rules.namespaceCodes().join(', ')}`,
      { extensions: { namespace: input.namespace } },
    );
  }
  if (input.id.trim() === '') throw new GatewayError('BAD_USER_INPUT', 'identity id must not be empty');
  const normalized = rules.normalize(input.namespace, input.id);
  if (!normalized.ok) {
    throw new GatewayError('INVALID_IDENTITY', `identity ${input.namespace} ${normalized.reason}`, { extensions: { namespace: input.namespace } });
  }
  return identityKey({ namespace: input.namespace, id: normalized.id });
}
