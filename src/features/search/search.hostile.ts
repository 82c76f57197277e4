/** What a reader might type to break a search box: for the service and HTTP tests on both engines. */
export const HOSTILE_QUERIES: readonly string[] = [
  '"', '""', '"""', '"unbalanced', 'unbalanced"', 'a "b c', '(', ')', '((a)', 'a)', '*', 'a*', '*a', '**', '^', '^a',
  '-', '--', '-a', '- -', '-"', 'OR', 'OR OR', 'a OR', 'OR a', 'AND', 'NOT', 'a NOT b', 'a AND OR NOT b', 'NEAR', 'NEAR(a b)',
  'NEAR(a b, 2)', 'a NEAR/3 b', 'headline:x', 'body : y', '{headline body}: z', '-headline:x', 'rank:1', 'rowid:5',
  "'; drop table articles; --", "' or 1=1 --", '1; select pg_sleep(5)', 'a\' || \'b', '$1', '\\', '\\"', '%', '_', '%_%',
  ':*', "'a':*", 'a & b | !c', '<->', 'a <-> b', '!!a', '&', '|', '!', "a''", 'x'.repeat(10_000), 'word '.repeat(2_000),
  '🙂', '🙂🙂 monsoon', '👨‍👩‍👧', '\u0000', 'a\u0000b', '\u0002mark\u0003', '\uD800', 'a\uDFFFb', '\uFEFF', '\u200B\u200D',
  'é', 'ǅ', 'İstanbul', 'ß', 'ﬁnance', '🏳️‍🌈', 'مرحبا', '中文 搜索', '   ', '\t\n\r', '<script>alert(1)</script>',
  '&amp;', '" OR ""="', '"a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n"', '-a -b -c', 'OR -a',
];

/** The same, plus byte sequences only a URL can carry (invalid UTF-8), percent-encoded for a query string. */
export const HOSTILE_ENCODED: readonly string[] = [
  ...HOSTILE_QUERIES.slice(0, 60).map((q) => encodeURIComponent(q).replace(/%ED%A0%80|%ED%BF%BF/g, '%ED%A0%80')).filter((q) => q.length < 12_000),
  '%C3%28', '%FF%FE', '%ED%A0%80', '%E0%A4%A', '%', '%%', '%zz', '%00', 'a%00b', '%C0%AF', '%F4%90%80%80', '+', '++', '&q=x', 'a&q=b&q=c',
];
