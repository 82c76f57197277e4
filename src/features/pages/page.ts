/** A static page of the publication — About us, Code of ethics, Advertise with us — with a story-body document. */
import type { PageRow } from '../../db/schema.js';
import { emptyBody, type BodyDocument } from '../articles/index.js';

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const PAGE_LIMITS = { title: 200, seoDescription: 400 } as const;

export interface PageSummary {
  id: number;
  slug: string;
  title: string;
  seoDescription: string;
  status: PageStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Page extends PageSummary {
  body: BodyDocument;
}

export function isPageStatus(value: string): value is PageStatus {
  return (PAGE_STATUSES as readonly string[]).includes(value);
}

/** An unknown stored status is treated as draft, so a damaged row is never shown to readers. */
function statusOf(value: string): PageStatus {
  return isPageStatus(value) ? value : 'draft';
}

/** Stored bodies were validated on write; a row damaged by hand shows as an empty page rather than failing. */
function storedBody(text: string): BodyDocument {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc') return value as BodyDocument;
  } catch {
    // fall through
  }
  return emptyBody();
}

export function toPageSummary(row: Omit<PageRow, 'body'>): PageSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    seoDescription: row.seo_description,
    status: statusOf(row.status),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPage(row: PageRow): Page {
  return { ...toPageSummary(row), body: storedBody(row.body) };
}
