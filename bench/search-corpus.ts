/**
 * A search benchmark corpus: stories of a few hundred words drawn from a
 * vocabulary of ~30,000 word forms with Zipf-like frequencies (a few words
 * everywhere, a long tail of rare ones), plus people, places and
 * organisations, so common, mid and rare terms all exist — unlike a template
 * generator, which repeats a small vocabulary. Deterministic per seed.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const w = (s: string): string[] => s.trim().split(/\s+/);
const FUNCTION_WORDS = w(`the of and to in a is that for on was with said as at by it from he his be an have has are were
  but not this which its they will their had been after who more also would over than two new into one about other year
  could there when up last three first can out some all when while before against under since between may such these
  during where only most most them any both our through many just because still those then'`.replace(/'/g, ''));
const CONTENT = w(`government minister election budget police court market company price water school hospital city state
  country river village farmer worker student teacher doctor report week month people family village council power
  energy railway airport bridge road highway port harbour festival cricket football match team season player coach
  stadium rain flood drought monsoon heatwave harvest crop wheat rice sugar cotton tea coffee export import tariff tax
  subsidy bank loan interest inflation growth job strike union protest rally vote party leader opposition parliament
  assembly bill law judge verdict appeal bail arrest investigation probe fraud scam audit officer district border
  army navy ship aircraft satellite rocket mission research scientist study vaccine virus disease clinic medicine
  climate forest wildlife tiger elephant leopard coast island mountain glacier lake canal dam reservoir pipeline
  factory plant steel cement textile software startup investor merger share stock fund revenue profit loss quarter
  museum library theatre film music artist writer novel poetry exhibition heritage temple church mosque gurdwara
  garden park street market traffic metro bus ferry train station ticket fare passenger tourist hotel restaurant
  housing rent land property tenant builder permit licence contract tender project scheme plan policy reform`);
const SYLLABLES = w(`ka ra ma ta na la sa pa da ga ba va ha ya ja cha sha ri mi ti ni li si pi di gi bi vi ru mu tu nu lu su
  pu du gu bu ve re me te ne le se pe de ge be ko ro mo to no lo so po do go bo an ar am en er in or un al el il ol`);
const SUFFIXES = ['', '', '', 's', 'ed', 'ing', 'er', 'ers', 'tion', 'ly', 'ity', 'ment'];
const FIRST = w('Meera Arjun Kavita Rahul Sunita Vikram Anjali Farhan Priya Imran Neha Rohan Divya Karan Aisha Suresh Lakshmi Manoj Fatima Gurpreet Harleen Joseph Maria Tenzin Nirmala Abdul Ritu Sanjay Zoya Deepak Elena Tomas Yuki Amara Kofi');
const LAST = w('Nair Sharma Iyer Khan Gill Das Menon Rao Kapoor Singh Banerjee Pillai Qureshi Verma Joshi Mehta Dutta Chatterjee Reddy Bhatt Thomas Fernandes Ahmed Kaur Okafor Silva Tanaka Novak Haddad');
const PLACES = w('Amritnagar Vladivostok Kochi Ludhiana Jaipur Guwahati Nagpur Mysuru Patna Surat Dhaka Colombo Kathmandu Singapore Nairobi Lisbon Toronto Hanoi Dubai Geneva Jakarta Manila Lagos Lima Osaka Seoul Perth Oslo Cairo Riyadh São Paulo Zürich Malmö Curaçao');
const HINDI = w('सरकार चुनाव बजट पुलिस अदालत बाजार कंपनी कीमत पानी स्कूल अस्पताल शहर राज्य देश नदी गांव किसान मजदूर छात्र शिक्षक डॉक्टर रिपोर्ट सप्ताह महीना लोग परिवार परिषद बिजली रेलवे हवाई पुल सड़क बंदरगाह त्योहार क्रिकेट बारिश बाढ़ सूखा मानसून फसल गेहूं चावल है और के में की को से ने पर यह था');
const PUNJABI = w('ਸਰਕਾਰ ਚੋਣ ਬਜਟ ਪੁਲਿਸ ਅਦਾਲਤ ਬਾਜ਼ਾਰ ਕੰਪਨੀ ਕੀਮਤ ਪਾਣੀ ਸਕੂਲ ਹਸਪਤਾਲ ਸ਼ਹਿਰ ਰਾਜ ਦੇਸ਼ ਦਰਿਆ ਪਿੰਡ ਕਿਸਾਨ ਮਜ਼ਦੂਰ ਵਿਦਿਆਰਥੀ ਅਧਿਆਪਕ ਡਾਕਟਰ ਰਿਪੋਰਟ ਹਫ਼ਤਾ ਮਹੀਨਾ ਲੋਕ ਪਰਿਵਾਰ ਬਿਜਲੀ ਮੀਂਹ ਹੜ੍ਹ ਫ਼ਸਲ ਕਣਕ ਝੋਨਾ ਹੈ ਅਤੇ ਦੇ ਵਿੱਚ ਦੀ ਨੂੰ ਤੋਂ ਨੇ');

export interface Corpus {
  /** Word forms, most frequent first. */
  vocabulary: string[];
  story(): { headline: string; standfirst: string; paragraphs: string[]; language: 'en' | 'hi' | 'pa' };
  names: string[];
  places: string[];
}

export function createCorpus(rnd: () => number, size = 30_000): Corpus {
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  const add = (x: string) => {
    if (!seen.has(x)) {
      seen.add(x);
      vocabulary.push(x);
    }
  };
  FUNCTION_WORDS.forEach(add);
  for (const c of CONTENT) {
    add(c);
    add(`${c}s`);
  }
  while (vocabulary.length < size) {
    let x = '';
    for (let i = 0, n = 2 + Math.floor(rnd() * 3); i < n; i++) x += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    add(x + (SUFFIXES[Math.floor(rnd() * SUFFIXES.length)] ?? ''));
  }
  // Zipf: P(rank r) ∝ 1/r^1.05, sampled by binary search over the cumulative weights.
  const cumulative = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] = sum += 1 / Math.pow(r + 1, 1.05);
  const zipf = (): string => {
    const target = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] ?? 'the';
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentence = (lang: 'en' | 'hi' | 'pa', n: number): string => {
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const roll = rnd();
      if (lang === 'hi') words.push(roll < 0.1 ? zipf() : pick(HINDI));
      else if (lang === 'pa') words.push(roll < 0.1 ? zipf() : pick(PUNJABI));
      else if (roll < 0.03) words.push(name());
      else if (roll < 0.05) words.push(pick(PLACES));
      else words.push(zipf());
    }
    const s = words.join(' ');
    return lang === 'en' ? `${cap(s)}${rnd() < 0.1 ? ', said ' + name() : ''}.` : `${s}।`;
  };
  return {
    vocabulary,
    names: FIRST.flatMap((f) => LAST.slice(0, 5).map((l) => `${f} ${l}`)),
    places: PLACES,
    story() {
      const roll = rnd();
      const language = roll < 0.03 ? 'hi' : roll < 0.05 ? 'pa' : 'en';
      const paragraphs: string[] = [];
      for (let p = 0, np = 4 + Math.floor(rnd() * 6); p < np; p++) {
        const sentences: string[] = [];
        for (let s = 0, ns = 2 + Math.floor(rnd() * 4); s < ns; s++) sentences.push(sentence(language, 8 + Math.floor(rnd() * 15)));
        paragraphs.push(sentences.join(' '));
      }
      const headline = sentence(language, 6 + Math.floor(rnd() * 6)).replace(/[.।]$/, '');
      return { headline: headline.slice(0, 280), standfirst: sentence(language, 14 + Math.floor(rnd() * 12)), paragraphs, language };
    },
  };
}
