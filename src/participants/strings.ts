// Words of the participants' edition, per deck language.
import { stringsFor, type Strings } from '../pipeline/render/strings.js';

export interface ParticipantsStrings {
  /** The deck's own interface words (theme numbers, "Til handling", "Se videoen på"). */
  deck: Strings;
  product: string;
  description: (title: string) => string;
  skip: string;
  contents: string;
  intro: string;
  questions: string;
  quotes: string;
  videosPage: string;
  captions: string;
}

const da: Omit<ParticipantsStrings, 'deck'> = {
  product: 'Samtalekort',
  description: (title) => `Samtalekort til deltagerne: ${title}`,
  skip: 'Gå til samtalekortene',
  contents: 'Indhold',
  intro: 'Introduktion',
  questions: 'Spørgsmål',
  quotes: 'Citater',
  videosPage: 'Se videoerne på',
  captions: 'Undertekster',
};

const en: Omit<ParticipantsStrings, 'deck'> = {
  product: 'Conversation cards',
  description: (title) => `Conversation cards for participants: ${title}`,
  skip: 'Skip to the cards',
  contents: 'Contents',
  intro: 'Introduction',
  questions: 'Questions',
  quotes: 'Quotes',
  videosPage: 'Watch the videos at',
  captions: 'Captions',
};

export function participantsStringsFor(language: string): ParticipantsStrings {
  return { deck: stringsFor(language), ...(language === 'en' ? en : da) };
}
