/** Why a segment request was refused; the code becomes the GraphQL `extensions.code`. */
export type SegmentErrorCode = 'INVALID_SEGMENT' | 'SEGMENT_NOT_FOUND' | 'MERGE_POLICY_NOT_FOUND';

/** A refused segment request (bad id or name, unknown segment, no default merge policy to evaluate under). */
export class SegmentError extends Error {
  override readonly name = 'SegmentError';

  constructor(
    readonly code: SegmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
