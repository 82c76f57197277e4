/**
 * Types for the demo newspaper ("The Daily Dateline", Amritnagar).
 *
 * The demo content is plain data: the seeder turns it into database rows,
 * story bodies and rasterised illustrations. Everything here is fictional.
 */

/** The illustration compositions `renderIllustrationSvg` knows how to draw. */
export type ImageTheme =
  | 'city'
  | 'river'
  | 'parliament'
  | 'market'
  | 'stadium'
  | 'mountains'
  | 'harbour'
  | 'classroom'
  | 'field'
  | 'skyline'
  | 'rain'
  | 'studio';

export const IMAGE_THEMES: readonly ImageTheme[] = [
  'city',
  'river',
  'parliament',
  'market',
  'stadium',
  'mountains',
  'harbour',
  'classroom',
  'field',
  'skyline',
  'rain',
  'studio',
];

/** A body block in the compact demo notation; the seeder maps it to the story body document. */
export type DemoBlock =
  | { p: string }
  | { h: string }
  | { quote: string; cite?: string }
  | { list: string[] };

export type DemoAgency = 'AFP' | 'PTI' | 'Reuters' | 'IANS';

export interface DemoLink {
  label: string;
  href: string;
}

export interface DemoPublication {
  name: string;
  tagline: string;
  /** Year of the first issue. */
  founded: number;
  locale: 'en-IN';
  timeZone: 'Asia/Kolkata';
  city: string;
  state: string;
  social: {
    facebook: string;
    instagram: string;
    x: string;
    youtube: string;
    whatsapp: string;
  };
  utilityLinks: DemoLink[];
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
  parentSlug?: string;
  /** Order among its siblings, starting at 1. */
  position: number;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  title: string;
  bio: string;
  /** For columnists: the name of the recurring column. */
  column?: string;
  social?: { x?: string; email?: string };
}

export interface DemoTag {
  slug: string;
  name: string;
}

export interface DemoCorrection {
  /** When the correction was appended, in hours before "now". */
  hoursAgo: number;
  text: string;
}

export interface DemoEmbed {
  provider: 'youtube';
  url: string;
}

export interface DemoStory {
  slug: string;
  /** Newspaper headline, at most 110 characters. */
  headline: string;
  /** The summary under the headline, at most 240 characters. */
  standfirst: string;
  /** A section slug; may be a child section such as "asia" or "columns". */
  section: string;
  /** Author slugs, for staff copy. A story has either authors or an agency, never both. */
  authors?: string[];
  /** Agency credit, for wire copy ("— AFP"). */
  agency?: DemoAgency;
  /** Place part of the dateline, e.g. "Amritnagar" or "Geneva (Switzerland)". The page adds the date. */
  datelinePlace: string;
  /** Publication time, in hours before "now". */
  hoursAgo: number;
  /** Last update, in hours before "now" (less than hoursAgo). */
  updatedHoursAgo?: number;
  tags: string[];
  /** A top story on the home page. */
  featured?: boolean;
  /** The home page lead (exactly one story; also featured). */
  lead?: boolean;
  imageCaption: string;
  imageCredit: string;
  imageAlt: string;
  imageTheme: ImageTheme;
  body: DemoBlock[];
  embed?: DemoEmbed;
  corrections?: DemoCorrection[];
}

export interface DemoPage {
  slug: string;
  title: string;
  /** One-line description for the page's meta description. */
  summary: string;
  body: DemoBlock[];
}
