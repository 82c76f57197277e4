/**
 * RSS 2.0 and Atom 1.0 writers. Images travel as proper enclosures (URL,
 * exact byte length and type) plus Media RSS `media:content`, which is what
 * news aggregators read for a story's picture.
 */
import { rfc822, rssLanguage, type FeedChannel, type FeedImage, type FeedItem } from './feed.js';
import { xml, xmlDocument, type XmlMarkup } from './xml.js';

const NS_ATOM = 'http://www.w3.org/2005/Atom';
const NS_DC = 'http://purl.org/dc/elements/1.1/';
const NS_MEDIA = 'http://search.yahoo.com/mrss/';
const GENERATOR = 'Dateline';

function mediaContent(image: FeedImage): XmlMarkup {
  return xml`<media:content url="${image.url}" type="${image.mimeType}" medium="image" fileSize="${image.byteSize}" width="${image.width}" height="${image.height}">${
    image.description ? xml`<media:description type="plain">${image.description}</media:description>` : null
  }${image.credit ? xml`<media:credit>${image.credit}</media:credit>` : null}</media:content>`;
}

function rssItem(item: FeedItem): XmlMarkup {
  return xml`
<item>
<title>${item.title}</title>
<link>${item.url}</link>
<guid isPermaLink="true">${item.url}</guid>
<pubDate>${rfc822(item.publishedAt)}</pubDate>
<description>${item.summary}</description>
${item.authors.map((a) => xml`<dc:creator>${a.name}</dc:creator>`)}
${item.categories.map((c) => xml`<category>${c}</category>`)}
${item.image ? xml`<enclosure url="${item.image.url}" length="${item.image.byteSize}" type="${item.image.mimeType}"/>${mediaContent(item.image)}` : null}
</item>`;
}

export function renderRss(channel: FeedChannel): string {
  return xmlDocument(xml`<rss version="2.0" xmlns:atom="${NS_ATOM}" xmlns:dc="${NS_DC}" xmlns:media="${NS_MEDIA}">
<channel>
<title>${channel.title}</title>
<link>${channel.htmlUrl}</link>
<description>${channel.description}</description>
<language>${rssLanguage(channel.language)}</language>
<lastBuildDate>${rfc822(channel.updatedAt)}</lastBuildDate>
<generator>${GENERATOR}</generator>
<atom:link href="${channel.selfUrl}" rel="self" type="application/rss+xml"/>
${channel.items.map(rssItem)}
</channel>
</rss>`);
}

function atomEntry(item: FeedItem): XmlMarkup {
  return xml`
<entry>
<id>${item.url}</id>
<title type="text">${item.title}</title>
<link rel="alternate" type="text/html" href="${item.url}"/>
<published>${item.publishedAt}</published>
<updated>${item.updatedAt}</updated>
<summary type="text">${item.summary}</summary>
${item.authors.map((a) => xml`<author><name>${a.name}</name>${a.url ? xml`<uri>${a.url}</uri>` : null}</author>`)}
${item.categories.map((c) => xml`<category term="${c}"/>`)}
${item.image ? xml`<link rel="enclosure" type="${item.image.mimeType}" length="${item.image.byteSize}" href="${item.image.url}"/>${mediaContent(item.image)}` : null}
</entry>`;
}

export function renderAtom(channel: FeedChannel): string {
  // The feed-level author covers entries without a byline, as Atom requires every entry to have one.
  return xmlDocument(xml`<feed xmlns="${NS_ATOM}" xmlns:media="${NS_MEDIA}" xml:lang="${channel.language}">
<id>${channel.selfUrl}</id>
<title type="text">${channel.title}</title>
<subtitle type="text">${channel.description}</subtitle>
<link rel="self" type="application/atom+xml" href="${channel.selfUrl}"/>
<link rel="alternate" type="text/html" href="${channel.htmlUrl}"/>
<link rel="alternate" type="application/rss+xml" href="${channel.alternateUrl}"/>
<updated>${channel.updatedAt}</updated>
<author><name>${channel.siteName}</name></author>
<generator>${GENERATOR}</generator>
${channel.items.map(atomEntry)}
</feed>`);
}
