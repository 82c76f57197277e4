/**
 * The demo newspaper: The Daily Dateline, a fictional English-language
 * regional daily published from Amritnagar, capital of the fictional state
 * of Pachhimdesh in north India.
 *
 * Every person, institution, company and event in this content is invented
 * for the demo. Real countries and cities appear only as places.
 *
 * Pure data: the seeder loads it, `demo-images.ts` draws the pictures.
 */

import type { DemoAuthor, DemoPublication, DemoSection, DemoStory, DemoTag } from "./demo-types.js";
import { NATION_STORIES, WORLD_STORIES, CITY_STORIES } from "./demo-stories-news.js";
import { BUSINESS_STORIES, SPORTS_STORIES } from "./demo-stories-business-sports.js";
import { OPINION_STORIES } from "./demo-stories-opinion.js";
import { VIDEO_STORIES } from "./demo-stories-videos.js";

export type {
  DemoAgency,
  DemoAuthor,
  DemoBlock,
  DemoCorrection,
  DemoEmbed,
  DemoLink,
  DemoPage,
  DemoPublication,
  DemoSection,
  DemoStory,
  DemoTag,
  ImageTheme,
} from "./demo-types.js";
export { IMAGE_THEMES } from "./demo-types.js";
export { DEMO_PAGES } from "./demo-pages.js";

export const DEMO_PUBLICATION: DemoPublication = {
  name: "The Daily Dateline",
  tagline: "Since 1924 · Truth before deadline",
  founded: 1924,
  locale: "en-IN",
  timeZone: "Asia/Kolkata",
  city: "Amritnagar",
  state: "Pachhimdesh",
  social: {
    facebook: "https://www.facebook.com/dailydateline",
    instagram: "https://www.instagram.com/dailydateline",
    x: "https://x.com/dailydateline",
    youtube: "https://www.youtube.com/@dailydateline",
    whatsapp: "https://whatsapp.com/channel/0029VaDailyDateline1924",
  },
  utilityLinks: [
    { label: "Subscribe to print edition", href: "/subscribe" },
    { label: "About us", href: "/about" },
    { label: "Code of ethics", href: "/code-of-ethics" },
    { label: "Download app", href: "/app" },
    { label: "Advertise with us", href: "/advertise" },
    { label: "Classifieds", href: "/classifieds" },
  ],
};

export const DEMO_SECTIONS: DemoSection[] = [
  {
    slug: "nation",
    name: "Nation",
    description: "Pachhimdesh and the rest of India: government, the assembly, courts, farms and the economy that touches every household.",
    position: 1,
  },
  {
    slug: "world",
    name: "World",
    description: "International news from our agency partners and correspondents, with the stories that matter to readers in north India.",
    position: 2,
  },
  {
    slug: "asia",
    name: "Asia",
    description: "News from South, South-East and East Asia.",
    parentSlug: "world",
    position: 1,
  },
  {
    slug: "europe",
    name: "Europe",
    description: "News from Europe and its institutions.",
    parentSlug: "world",
    position: 2,
  },
  {
    slug: "city",
    name: "City",
    description: "Amritnagar, street by street: civic affairs, transport, schools, hospitals and the people who make the city.",
    position: 3,
  },
  {
    slug: "amritnagar-civic",
    name: "Amritnagar Civic",
    description: "The Amritnagar Municipal Corporation, drains, roads, water, power and the services residents pay for.",
    parentSlug: "city",
    position: 1,
  },
  {
    slug: "business",
    name: "Business",
    description: "Companies, markets, farm prices, jobs and personal finance, with a close eye on Pachhimdesh’s economy.",
    position: 4,
  },
  {
    slug: "markets",
    name: "Markets",
    description: "Stocks, the rupee, commodities and the daily market wrap.",
    parentSlug: "business",
    position: 1,
  },
  {
    slug: "sports",
    name: "Sports",
    description: "Cricket, kabaddi, hockey, athletics, chess and the local leagues that fill the city’s grounds every weekend.",
    position: 5,
  },
  {
    slug: "cricket",
    name: "Cricket",
    description: "From the Pachhimdesh Premier League to age-group cricket on the city’s maidans.",
    parentSlug: "sports",
    position: 1,
  },
  {
    slug: "opinion",
    name: "Opinion",
    description: "The newspaper’s editorials and the views of our columnists. Opinion pieces represent their authors’ views.",
    position: 6,
  },
  {
    slug: "editorials",
    name: "Editorials",
    description: "The view of The Daily Dateline’s editorial board.",
    parentSlug: "opinion",
    position: 1,
  },
  {
    slug: "columns",
    name: "Columns",
    description: "Regular columns by our writers on politics, the city and the economy.",
    parentSlug: "opinion",
    position: 2,
  },
  {
    slug: "videos",
    name: "Videos",
    description: "Reports, explainers and highlights from The Daily Dateline’s video desk.",
    position: 7,
  },
];

export const DEMO_AUTHORS: DemoAuthor[] = [
  // Columnists
  {
    slug: "meera-sabharwal",
    name: "Meera Sabharwal",
    title: "Columnist",
    column: "Second Reading",
    bio: "Meera Sabharwal has covered the Pachhimdesh Vidhan Sabha for more than two decades, first as a reporter and then as this paper’s political editor. Her weekly column, Second Reading, looks at the laws, budgets and promises that usually get only one. She lives in Civil Lines with two dogs and far too many committee reports.",
    social: { x: "https://x.com/meerasabharwal", email: "meera.sabharwal@dailydateline.example" },
  },
  {
    slug: "farid-ansari",
    name: "Farid Ansari",
    title: "Columnist",
    column: "The Long Walk",
    bio: "Farid Ansari is a writer and amateur historian who was born in the lanes behind Qila Bazaar. His column, The Long Walk, appears every Sunday and follows Amritnagar on foot: its markets, its ghats, its old buildings and the people who keep them going. He is the author of two books on the city’s architecture.",
    social: { email: "farid.ansari@dailydateline.example" },
  },
  {
    slug: "gurleen-kaur-bains",
    name: "Gurleen Kaur Bains",
    title: "Columnist",
    column: "Ledger Lines",
    bio: "Gurleen Kaur Bains teaches development economics at Amritnagar University and studies farm incomes and women’s work in north India. Her fortnightly column, Ledger Lines, reads the numbers behind the headlines. She has advised the state planning board on rural employment.",
    social: { x: "https://x.com/gurleenbains", email: "gurleen.bains@dailydateline.example" },
  },
  // Reporters and editors
  {
    slug: "nandini-rawat",
    name: "Nandini Rawat",
    title: "Political Editor",
    bio: "Nandini Rawat leads The Daily Dateline’s political coverage from the Vidhan Sabha press gallery. She joined the paper as a trainee in 2009 and has reported on four assembly elections. She previously covered the courts.",
    social: { x: "https://x.com/nandinirawat", email: "nandini.rawat@dailydateline.example" },
  },
  {
    slug: "arjun-sethi",
    name: "Arjun Sethi",
    title: "Senior Correspondent",
    bio: "Arjun Sethi reports on agriculture, water and the environment across Pachhimdesh and its neighbouring states. He has travelled the length of the Neelvati twice, once on foot. He is based at the paper’s Amritnagar headquarters.",
    social: { x: "https://x.com/arjunsethi", email: "arjun.sethi@dailydateline.example" },
  },
  {
    slug: "sana-mirza",
    name: "Sana Mirza",
    title: "City Reporter",
    bio: "Sana Mirza covers the Amritnagar Municipal Corporation, transport and the city’s infrastructure. Before joining The Daily Dateline she worked as a civil engineer, which makes her a difficult person to give a vague answer about drains.",
    social: { x: "https://x.com/sanamirza", email: "sana.mirza@dailydateline.example" },
  },
  {
    slug: "harpreet-gill",
    name: "Harpreet Gill",
    title: "City Reporter",
    bio: "Harpreet Gill reports on education, health and heritage in Amritnagar. He studied history at Amritnagar University and has written about the city’s schools and hospitals since 2016.",
    social: { email: "harpreet.gill@dailydateline.example" },
  },
  {
    slug: "vikram-chaudhary",
    name: "Vikram Chaudhary",
    title: "Business Editor",
    bio: "Vikram Chaudhary edits the business pages and writes about companies, farm markets and the state’s economy. He spent eight years on a financial daily’s markets desk before coming home to Amritnagar.",
    social: { x: "https://x.com/vikramchaudhary", email: "vikram.chaudhary@dailydateline.example" },
  },
  {
    slug: "rohan-bhatia",
    name: "Rohan Bhatia",
    title: "Sports Writer",
    bio: "Rohan Bhatia writes about cricket, kabaddi and the state’s sporting talent, from league matches to school tournaments. He played club cricket for Shivpuri Gymkhana as an indifferent leg-spinner.",
    social: { x: "https://x.com/rohanbhatia", email: "rohan.bhatia@dailydateline.example" },
  },
  {
    slug: "ishaan-verma",
    name: "Ishaan Verma",
    title: "Video Producer",
    bio: "Ishaan Verma produces The Daily Dateline’s video reports and explainers. He studied film at the Pachhimdesh Institute of Mass Communication and has shot everything from assembly sessions to kabaddi finals.",
    social: { email: "ishaan.verma@dailydateline.example" },
  },
  // Editorials
  {
    slug: "editorial-board",
    name: "Editorial Board",
    title: "Editorial Board",
    bio: "Editorials represent the view of The Daily Dateline’s editorial board, which includes the editor, the managing editor and senior editors. They are unsigned because they speak for the newspaper, not for one writer. News reporters do not take part in writing them.",
    social: { email: "editorials@dailydateline.example" },
  },
];

export const DEMO_TAGS: DemoTag[] = [
  { slug: "monsoon", name: "Monsoon" },
  { slug: "drainage", name: "Drainage" },
  { slug: "elections", name: "Elections" },
  { slug: "metro-rail", name: "Metro rail" },
  { slug: "transport", name: "Transport" },
  { slug: "cricket", name: "Cricket" },
  { slug: "kabaddi", name: "Kabaddi" },
  { slug: "athletics", name: "Athletics" },
  { slug: "chess", name: "Chess" },
  { slug: "startups", name: "Startups" },
  { slug: "climate", name: "Climate" },
  { slug: "education", name: "Education" },
  { slug: "health", name: "Health" },
  { slug: "budget", name: "Budget" },
  { slug: "agriculture", name: "Agriculture" },
  { slug: "prices", name: "Prices" },
  { slug: "heritage", name: "Heritage" },
  { slug: "neelvati-river", name: "Neelvati river" },
  { slug: "amritnagar-university", name: "Amritnagar University" },
  { slug: "state-assembly", name: "State assembly" },
  { slug: "shipping", name: "Shipping" },
  { slug: "science", name: "Science" },
  { slug: "wildlife", name: "Wildlife" },
  { slug: "jobs", name: "Jobs" },
  { slug: "women", name: "Women" },
  { slug: "urban-planning", name: "Urban planning" },
  { slug: "water", name: "Water" },
  { slug: "exports", name: "Exports" },
  { slug: "markets", name: "Markets" },
  { slug: "electric-vehicles", name: "Electric vehicles" },
];

/** All demo stories, newest sections first; order is not significant (use hoursAgo). */
export const DEMO_STORIES: DemoStory[] = [
  ...NATION_STORIES,
  ...WORLD_STORIES,
  ...CITY_STORIES,
  ...BUSINESS_STORIES,
  ...SPORTS_STORIES,
  ...OPINION_STORIES,
  ...VIDEO_STORIES,
];
