import { XdmCompileError } from './XdmCompileError';

/** A JSON-Schema node as XDM writes it; only the keywords the compiler reads are typed. */
export interface RawSchemaNode {
  readonly $id?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, RawSchemaNode>>;
  readonly patternProperties?: Readonly<Record<string, RawSchemaNode>>;
  readonly additionalProperties?: boolean | RawSchemaNode;
  readonly items?: RawSchemaNode | readonly RawSchemaNode[];
  readonly required?: readonly string[];
  readonly allOf?: readonly RawSchemaNode[];
  readonly oneOf?: readonly RawSchemaNode[];
  readonly anyOf?: readonly RawSchemaNode[];
  readonly definitions?: Readonly<Record<string, RawSchemaNode>>;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly 'meta:xdmType'?: string;
  readonly 'meta:enum'?: Readonly<Record<string, string>>;
  readonly 'meta:status'?: string;
  readonly 'meta:extends'?: readonly string[];
  readonly 'meta:intendedToExtend'?: readonly string[];
  readonly 'meta:abstract'?: boolean;
  readonly [keyword: string]: unknown;
}

/** One loaded schema document and where it came from (for messages). */
export interface SchemaDocument {
  readonly id: string;
  readonly source: string;
  readonly schema: RawSchemaNode;
}

/**
 * XDM schema documents by `$id`. Pure: it holds documents that something else
 * read; {@link loadSchemaRegistry} is the I/O side.
 */
export class SchemaRegistry {
  private readonly byId = new Map<string, SchemaDocument>();

  constructor(documents: Iterable<SchemaDocument> = []) {
    for (const document of documents) this.add(document);
  }

  /** Adds a document; a second document with the same `$id` is an error, not a silent override. */
  add(document: SchemaDocument): void {
    const existing = this.byId.get(document.id);
    if (existing !== undefined) {
      throw new XdmCompileError(
        'XDM_SCHEMA_INVALID',
        `schema ${document.id} is defined twice: in ${existing.source} and in ${document.source}`,
      );
    }
    this.byId.set(document.id, document);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The document with this `$id`; throws `XDM_SCHEMA_NOT_FOUND` naming who asked. */
  get(id: string, referencedFrom?: string): SchemaDocument {
    const document = this.byId.get(id);
    if (document === undefined) {
      const from = referencedFrom === undefined ? '' : ` (referenced from ${referencedFrom})`;
      throw new XdmCompileError('XDM_SCHEMA_NOT_FOUND', `schema ${id} is not in the registry${from}`);
    }
    return document;
  }

  /** Every document, ordered by `$id` so that whatever iterates is deterministic. */
  documents(): SchemaDocument[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get size(): number {
    return this.byId.size;
  }
}
