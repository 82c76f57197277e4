/**
 * WireRefusal: the one error a parser throws for input it will not read. It is
 * an AppError of kind 'invalid', so the app and the ingest treat it like any
 * other coded error; the code says why (see docs/wire-formats.md).
 */
import { AppError } from '../../../lib/errors.js';

export type WireRefusalCode =
  | 'WIRE_TOO_LARGE'
  | 'WIRE_ENCODING'
  | 'WIRE_MALFORMED'
  | 'WIRE_DOCTYPE'
  | 'WIRE_UNKNOWN_FORMAT'
  | 'WIRE_EMPTY'
  | 'WIRE_INVALID_ITEM';

export class WireRefusal extends AppError {
  declare readonly code: WireRefusalCode;

  constructor(code: WireRefusalCode, message: string) {
    super('invalid', code, message);
    this.name = 'WireRefusal';
  }
}

export function isWireRefusal(err: unknown): err is WireRefusal {
  return err instanceof WireRefusal;
}
