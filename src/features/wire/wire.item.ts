/**
 * A wire item as the format parsers read it (ParsedWireItem) and as the
 * ingest stores it (NormalisedWireItem). Parsers never store anything; the
 * raw body HTML only ever goes through htmlToBody.
 */
import type { BodyDocument } from '../articles/index.js';

export type WireFormat = 'ninjs' | 'newsml-g2' | 'iptc7901' | 'rss' | 'atom';
export type WirePubStatus = 'usable' | 'withheld' | 'canceled';
export interface WirePictureRef {
  href: string;            // absolute http(s) URL, or a path relative to the wire file's folder
  mimeType?: string; width?: number; height?: number;
  caption?: string; credit?: string; altText?: string;
}
export interface ParsedWireItem {          // what a format parser sees, before normalisation
  format: WireFormat;
  guid: string;                           // agency id: NewsML guid, ninjs uri, RSS guid/link, 7901: built from agency+msg no+date
  version: number;                        // integer >= 1 (1 when the format has none)
  pubStatus: WirePubStatus;               // ninjs pubstatus / G2 pubStatus stat:usable|withheld|canceled; 7901 "KILL"/"ELIMINATE"
  isCorrection: boolean;                  // G2 signal sig:correction, ninjs signals/“correction”, 7901 "CORRECTION"/"CORRECTS"
  headline: string; standfirst: string;
  bodyHtml: string | null;                // raw body (X)HTML/NITF as sent — only ever handed to htmlToBody, never stored
  bodyText: string | null;                // plain-text formats: paragraphs separated by blank lines
  byline: string | null; creditLine: string | null;
  datelinePlace: string | null; datelineDate: string | null;   // YYYY-MM-DD
  language: string | null;
  urgency: number | null;                 // 1 = most urgent … 9
  subjects: { code: string | null; name: string }[];
  keywords: string[];
  embargoUntil: string | null;            // ISO-8601 UTC
  firstCreated: string | null; versionCreated: string | null;  // ISO-8601 UTC
  pictures: WirePictureRef[];
}
export interface NormalisedWireItem {     // what the ingest stores (all text plain and trimmed)
  format: WireFormat; guid: string; version: number; pubStatus: WirePubStatus; isCorrection: boolean;
  headline: string; standfirst: string;
  body: BodyDocument;                     // htmlToBody(bodyHtml) or bodyFromParagraphs(bodyText), with the agency's
                                          // opening dateline and closing sign-off detected, lifted and stripped
  datelinePlace: string; datelineDate: string | null;
  byline: string | null; credit: string;  // credit: the agency credit line ("AFP"), from the copy, creditLine or the source's credit
  priority: number;                       // 1..9 from urgency (5 when unknown)
  subjects: string[];                     // subject names, deduped
  keywords: string[]; language: string;   // language default 'en'
  embargoUntil: string | null; firstCreated: string | null; versionCreated: string | null;
  pictures: WirePictureRef[];
}
