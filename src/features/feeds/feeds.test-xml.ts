/**
 * Reading XML back in tests, with htmlparser2 in xmlMode (no XML package is
 * installed). htmlparser2 is forgiving, so `parseStrictXml` adds the checks a
 * real XML parser would make: one root, every tag closed by its own end tag,
 * no bare `&`, no characters XML forbids.
 */
import { DomUtils, Parser, parseDocument } from 'htmlparser2';

type Document = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export function parseStrictXml(text: string): Document {
  const problems: string[] = [];
  if (!text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) problems.push('no XML declaration');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) problems.push('a character XML forbids');
  const bareAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
  if (bareAmp) problems.push(`a bare & at ${bareAmp.index}`);
  const stack: string[] = [];
  let roots = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (stack.length === 0) roots++;
        stack.push(name);
      },
      onclosetag(name, isImplied) {
        const open = stack.pop();
        // htmlparser2 reports both `<x/>` and a missing end tag as an implied close; only the first ends its own source with "/>".
        const selfClosing = isImplied && text.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>');
        if ((isImplied && !selfClosing) || open !== name) problems.push(`<${open ?? '?'}> closed by </${name}>${isImplied ? ' (implied)' : ''}`);
      },
    },
    { xmlMode: true },
  );
  parser.end(text);
  if (stack.length > 0) problems.push(`unclosed <${stack.join('> <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  if (problems.length > 0) throw new Error(`not well-formed XML: ${problems.join('; ')}`);
  return parseDocument(text, { xmlMode: true });
}

export const all = (root: Document | Element, name: string): Element[] => DomUtils.getElementsByTagName(name, root, true);

export function one(root: Document | Element, name: string): Element {
  const found = all(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
}

export const text = (el: Element): string => DomUtils.textContent(el);

/** Direct children with this name. */
export const kids = (el: Element, name: string): Element[] => DomUtils.getElementsByTagName(name, el.children, false);
