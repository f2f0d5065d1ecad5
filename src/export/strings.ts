// Words of the printed products (handout, facilitator guide, slides PDF), per deck language.
import { stringsFor, type Strings } from '../pipeline/render/strings.js';

export interface PrintStrings {
  /** The deck's own interface words (theme numbers, minutes, "Til handling", …). */
  deck: Strings;
  handout: string;
  guide: string;
  slides: string;
  handoutSubject: (deckTitle: string) => string;
  guideSubject: (deckTitle: string) => string;
  slidesSubject: (deckTitle: string) => string;
  /** Before and between the page counters of the page footer: "Side 3 af 14". */
  pageWord: string;
  ofWord: string;
  contents: string;
  continued: string;
  writingRoom: string;
  quotes: string;
  intro: string;
  qrLabel: (address: string) => string;
  /** Before the address several videos share: "Se videoerne på". */
  videosPage: string;
  /** Beside the QR code of an address the card's own text prints. */
  scanVideo: string;
  scanVideos: string;
  /** On the handout's cover, over the link and QR code to the participants' edition. */
  onlineTitle: string;
  onlineText: string;
  guideIntro: string;
  opening: string;
  welcome: string;
  closingSection: string;
  guidance: string;
  notesFor: { quotes: string; questions: string; action: string };
  slide: (n: number) => string;
  slideRange: (from: number, to: number) => string;
  agendaHeaders: { time: string; item: string; minutes: string; page: string };
  plannedDay: (from: string, to: string, minutes: string) => string;
}

const da: Omit<PrintStrings, 'deck'> = {
  handout: 'Samtalekort',
  guide: 'Facilitatorguide',
  slides: 'Slides',
  handoutSubject: (title) => `Samtalekort til deltagerne: ${title}`,
  guideSubject: (title) => `Facilitatorguide med dagsorden, slides og vejledning: ${title}`,
  slidesSubject: (title) => `Slides: ${title}`,
  pageWord: 'Side',
  ofWord: 'af',
  contents: 'Indhold',
  continued: 'fortsat',
  writingRoom: 'Noter',
  quotes: 'Citater',
  intro: 'Introduktion',
  qrLabel: (address) => `QR-kode til ${address}`,
  videosPage: 'Se videoerne på',
  scanVideo: 'Scan koden for at se videoen.',
  scanVideos: 'Scan koden for at se videoerne.',
  onlineTitle: 'Samtalekortene på nettet',
  onlineText: 'Læs dem på telefonen eller computeren:',
  guideIntro: 'For hvert tema ser du først dets slides, sådan som de vises på skærmen, og derunder din vejledning. '
    + 'Tiderne er planlagte; undervejs viser speakervisningen, om I er foran eller bagud.',
  opening: 'Velkommen og dagsorden',
  welcome: 'Velkommen',
  closingSection: 'Afslutning',
  guidance: 'Vejledning',
  notesFor: { quotes: 'Til citaterne', questions: 'Til spørgsmålene', action: 'Til handlingsspørgsmålet' },
  slide: (n) => `Slide ${n}`,
  slideRange: (from, to) => (from === to ? `Slide ${from}` : `Slides ${from}–${to}`),
  agendaHeaders: { time: 'Tid', item: 'Punkt', minutes: 'Varighed', page: 'Side' },
  plannedDay: (from, to, minutes) => `Planlagt ${from}–${to} · ${minutes}`,
};

const en: Omit<PrintStrings, 'deck'> = {
  handout: 'Conversation cards',
  guide: 'Facilitator guide',
  slides: 'Slides',
  handoutSubject: (title) => `Conversation cards for participants: ${title}`,
  guideSubject: (title) => `Facilitator guide with agenda, slides and guidance: ${title}`,
  slidesSubject: (title) => `Slides: ${title}`,
  pageWord: 'Page',
  ofWord: 'of',
  contents: 'Contents',
  continued: 'continued',
  writingRoom: 'Notes',
  quotes: 'Quotes',
  intro: 'Introduction',
  qrLabel: (address) => `QR code for ${address}`,
  videosPage: 'Watch the videos at',
  scanVideo: 'Scan the code to watch the video.',
  scanVideos: 'Scan the code to watch the videos.',
  onlineTitle: 'The cards online',
  onlineText: 'Read them on your phone or computer:',
  guideIntro: 'For each theme you first see its slides as they appear on screen, and below them your guidance. '
    + 'The times are planned; during the session the speaker view shows whether you are ahead or behind.',
  opening: 'Welcome and agenda',
  welcome: 'Welcome',
  closingSection: 'Closing',
  guidance: 'Guidance',
  notesFor: { quotes: 'For the quotes', questions: 'For the questions', action: 'For the action question' },
  slide: (n) => `Slide ${n}`,
  slideRange: (from, to) => (from === to ? `Slide ${from}` : `Slides ${from}–${to}`),
  agendaHeaders: { time: 'Time', item: 'Item', minutes: 'Length', page: 'Page' },
  plannedDay: (from, to, minutes) => `Planned ${from}–${to} · ${minutes}`,
};

/** The print words for a deck language (Danish unless the deck is in English, like the deck itself). */
export function printStringsFor(language: string): PrintStrings {
  return { deck: stringsFor(language), ...(language === 'en' ? en : da) };
}
