/** Codes of the errors the XDM compiler raises; part of the public contract. */
export type XdmCompileErrorCode =
  | 'XDM_SCHEMA_NOT_FOUND'
  | 'XDM_SCHEMA_INVALID'
  | 'XDM_REF_UNRESOLVED'
  | 'XDM_FIELD_CONFLICT'
  | 'XDM_COMPOSITION_INVALID'
  | 'XDM_LABEL_INVALID';

/**
 * An XDM definition that cannot be compiled. The message names the schema
 * (`$id` or file) and the path inside it, so the definition can be fixed
 * without reading the compiler.
 */
export class XdmCompileError extends Error {
  override readonly name = 'XdmCompileError';

  constructor(
    readonly code: XdmCompileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
