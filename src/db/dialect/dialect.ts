/**
 * Everything that differs between SQLite and PostgreSQL lives behind this
 * interface. Queries elsewhere are portable Kysely; when one cannot be, it
 * asks the dialect.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  readonly name: DialectName;
  /** An auto-assigned integer primary key column. */
  idColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** The column type for a floating-point number. */
  readonly realType: 'real' | 'double precision';
  /** After rows were inserted with explicit ids (import), make new ids continue after the largest. */
  resetIdSequences(db: Kysely<unknown>, tables: readonly string[]): Promise<void>;
  /** Classify a driver error: unique or foreign-key violation, or neither. */
  constraintKind(err: unknown): 'unique' | 'foreign_key' | null;
  /** Size of the database in bytes, for operators. */
  databaseSize(db: Kysely<unknown>): Promise<number>;
}
