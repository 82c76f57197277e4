import { describe, it, expect } from 'vitest';
import { BODY_LIMITS } from './body.limits.js';
import { bodyFromParagraphs, bodyToPlainText, countWords, emptyBody } from './body.text.js';
import type { BodyDocument } from './body.types.js';
import { parseBody } from './body.validate.js';

const story: BodyDocument = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The council ' }, { type: 'text', text: 'voted', marks: [{ type: 'bold' }] }, { type: 'text', text: ' on Monday.' }] },
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'What happens next' }] },
    { type: 'ad-break' },
    { type: 'quote', content: [{ type: 'text', text: 'We are ready.' }], cite: 'The mayor' },
    { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Roads' }], [{ type: 'text', text: 'Parks' }]] },
    { type: 'image', mediaId: 1, alt: 'Council chamber', caption: 'The chamber', credit: 'Photo: J. Doe' },
    { type: 'divider' },
    { type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'break' }, { type: 'text', text: 'line two' }] },
  ],
};

describe('emptyBody', () => {
  it('is a valid document with no blocks', () => {
    expect(parseBody(emptyBody())).toEqual({ ok: true, value: { type: 'doc', version: 1, content: [] } });
  });

  it('returns a new document each time', () => {
    expect(emptyBody()).not.toBe(emptyBody());
  });
});

describe('bodyFromParagraphs', () => {
  it('makes one paragraph per string and skips blank ones', () => {
    expect(bodyFromParagraphs(['First.', '  ', 'Second.']).content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
    ]);
  });

  it('turns single newlines into line breaks', () => {
    expect(bodyFromParagraphs(['a\r\nb']).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'a' }, { type: 'break' }, { type: 'text', text: 'b' }],
    });
  });

  it('keeps markup-looking text as text', () => {
    expect(bodyToPlainText(bodyFromParagraphs(['<b>not bold</b>']))).toBe('<b>not bold</b>');
  });

  it('always produces a document that passes parseBody, even for huge input', () => {
    const paragraphs = Array.from({ length: BODY_LIMITS.maxBlocks + 10 }, (_, i) => `Paragraph ${i}`);
    paragraphs[0] = 'x'.repeat(BODY_LIMITS.maxTextLength * 2 + 5);
    const doc = bodyFromParagraphs(paragraphs);
    expect(doc.content).toHaveLength(BODY_LIMITS.maxBlocks);
    expect(parseBody(doc).ok).toBe(true);
  });
});

describe('bodyToPlainText', () => {
  it('separates blocks with a blank line and leaves out markup, credits and alt text', () => {
    expect(bodyToPlainText(story)).toBe(
      [
        'The council voted on Monday.',
        'What happens next',
        'We are ready.\n\u2014 The mayor',
        'Roads\nParks',
        'The chamber',
        'Line one\nline two',
      ].join('\n\n'),
    );
  });

  it('is empty for an empty body', () => {
    expect(bodyToPlainText(emptyBody())).toBe('');
  });
});

describe('countWords', () => {
  it('counts the words a reader sees', () => {
    expect(countWords(story)).toBe(21);
  });

  it('does not count punctuation on its own as a word', () => {
    expect(countWords(bodyFromParagraphs(['Yes \u2014 no \u2022 maybe']))).toBe(3);
  });

  it('counts words in Devanagari and Gurmukhi text', () => {
    expect(countWords(bodyFromParagraphs(['नगर परिषद ने सोमवार को मतदान किया', 'ਪੰਜਾਬ ਵਿੱਚ ਮੀਂਹ']))).toBe(10);
  });
});
