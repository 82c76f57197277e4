/**
 * The live feed's payloads (server-sent events `item`, `refusal`, `alert`),
 * read defensively: a malformed or unknown event is dropped, never thrown.
 * No browser APIs here, so the server's tests can check the real stream with it.
 */
import type { WireAlert, WireEvent, WireItemSummary, WireRefusal } from './types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function asItem(v: unknown): WireItemSummary | null {
  if (!isObject(v) || typeof v['id'] !== 'number' || typeof v['headline'] !== 'string' || typeof v['version'] !== 'number' || typeof v['receivedAt'] !== 'string') return null;
  const item = v as unknown as WireItemSummary;
  return { ...item, subjects: Array.isArray(item.subjects) ? item.subjects : [], datelinePlace: item.datelinePlace ?? '', standfirst: item.standfirst ?? '' };
}

function asRefusal(v: unknown): WireRefusal | null {
  if (!isObject(v) || typeof v['code'] !== 'string' || typeof v['message'] !== 'string') return null;
  return v as unknown as WireRefusal;
}

function asAlert(v: unknown): WireAlert | null {
  if (!isObject(v) || typeof v['message'] !== 'string' || typeof v['wireItemId'] !== 'number') return null;
  const articleId = typeof v['articleId'] === 'number' ? v['articleId'] : null;
  return { message: v['message'], wireItemId: v['wireItemId'], articleId };
}

/**
 * One server-sent event (`item`, `refusal`, `alert`) → a desk event; null
 * for anything unreadable. The data is the event object ({ type, item }) or
 * just its payload: both are read.
 */
export function parseWireEvent(type: string, data: string): WireEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(v)) return null;
  switch (type) {
    case 'item': {
      const item = asItem(v['item'] ?? v);
      return item && { type: 'item', item };
    }
    case 'refusal': {
      const refusal = asRefusal(v['refusal'] ?? v);
      return refusal && { type: 'refusal', refusal };
    }
    case 'alert': {
      const alert = asAlert(v['alert'] ?? v);
      return alert && { type: 'alert', alert };
    }
    default:
      return null;
  }
}
