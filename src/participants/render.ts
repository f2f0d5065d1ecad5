// The participants' edition (participants.html): the deck's cards as one readable, self-contained page.
//
// For the council and for the municipality's site: the title facts, a contents list, then every card in
// order with its text, videos, questions, action question and quotes. It has no facilitator notes, no
// guidance, no agenda times and no facilitator view, and no script at all: a phone shows it as a page
// (questions and quotes at 16 CSS px or more, nothing wider than the screen), and it loads nothing but
// the deck's own media files beside it.
import type { Deck, DeckCard, Video } from '../model.js';
import { nestHeadings } from '../pipeline/render/headings.js';
import { escapeHtml } from '../pipeline/render/html.js';
import { planVideo } from '../pipeline/render/video.js';
import { ownAddress, videoAddresses } from '../pipeline/render/video-addresses.js';
import { participantsStringsFor, type ParticipantsStrings } from './strings.js';
import { participantsThemeCss } from './theme-css.js';

export interface ParticipantsAssets {
  /** The theme's compiled CSS (tokens, fonts as data: URLs); only tokens and the fonts used are kept. */
  themeCss: string;
  /** The theme's participants.css. */
  participantsCss: string;
  /** The deck's branding CSS (colours, logo, font over the tokens), or empty. */
  brandingCss: string;
}

/** Loads nothing from anywhere but the deck's own folder (local videos and posters); runs no script. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data: 'self' file:; media-src data: 'self' file:; base-uri 'none'; form-action 'none'";

/** Emphasis inside bold text or a heading, or bold inside emphasis. */
const BOLD_ITALIC = /<(strong|b|h[1-6])\b[^>]*>(?:(?!<\/(strong|b|h[1-6])>)[\s\S])*?<(em|i)\b|<(em|i)\b[^>]*>(?:(?!<\/(em|i)>)[\s\S])*?<(strong|b)\b/;

export function renderParticipantsHtml(deck: Deck, assets: ParticipantsAssets, generator: string): string {
  const strings = participantsStringsFor(deck.language);
  const body = participantsBody(deck, strings);
  const themeCss = participantsThemeCss(assets.themeCss, {
    text: `${body} ${assets.participantsCss}`,
    italic: /<(em|i)\b/.test(body),
    boldItalic: BOLD_ITALIC.test(body),
    ownFont: /@font-face/.test(assets.brandingCss),
  });
  const css = [themeCss, assets.brandingCss, assets.participantsCss].filter(Boolean).join('\n').replace(/<\/(style)/gi, '<\\/$1');
  const description = deck.subtitle ?? strings.description(deck.title);
  return `<!doctype html>
<html lang="${escapeHtml(deck.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="data:,">
<title>${escapeHtml(`${deck.title} – ${strings.product}`)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function participantsBody(deck: Deck, strings: ParticipantsStrings): string {
  const themeCount = deck.cards.filter((c) => c.themeNumber !== undefined).length;
  const kicker = (placed: DeckCard) => (placed.themeNumber === undefined ? strings.intro : strings.deck.theme(placed.themeNumber, themeCount));
  const anchor = (placed: DeckCard) => `kort-${placed.card.id}`;
  const line = (parts: (string | undefined)[]) => parts.filter(Boolean).map((p) => escapeHtml(p!)).join(' · ');
  const meta = [
    line([deck.municipality ?? deck.organisation]),
    line([deck.date ? strings.deck.date(deck.date) : undefined, deck.place]),
    line([deck.facilitator ? strings.deck.facilitator(deck.facilitator) : undefined]),
  ].filter(Boolean).map((text) => `<p class="meta">${text}</p>`).join('\n');
  const contents = deck.cards.map((placed) => `<li><a href="#${escapeHtml(anchor(placed))}"><span class="contents-kicker">${escapeHtml(kicker(placed))}</span>`
    + `<span class="contents-title">${escapeHtml(placed.card.title)}</span></a></li>`).join('\n');
  const cards = deck.cards.map((placed) => cardHtml(placed, anchor(placed), kicker(placed), strings, deck.language)).join('\n');
  return `<a class="skip-link" href="#kort">${escapeHtml(strings.skip)}</a>
<div class="page">
<header class="cover">
<div class="cover-logo" aria-hidden="true"></div>
<p class="kicker">${escapeHtml(strings.product)}</p>
<h1>${escapeHtml(deck.title)}</h1>
${deck.subtitle ? `<p class="subtitle">${escapeHtml(deck.subtitle)}</p>\n` : ''}${meta}
</header>
<nav class="contents" aria-labelledby="indhold">
<h2 id="indhold">${escapeHtml(strings.contents)}</h2>
<ol>
${contents}
</ol>
</nav>
<main id="kort">
${cards}
</main>
<footer class="page-footer"><p>${line([deck.title, deck.municipality ?? deck.organisation])}</p></footer>
</div>`;
}

function cardHtml(placed: DeckCard, id: string, kicker: string, strings: ParticipantsStrings, language: string): string {
  const { card } = placed;
  const parts: string[] = [];
  const addresses = videoAddresses(card.body);
  const own = new Set(addresses.filter(ownAddress).map((group) => group.videos[0]!));
  card.body.forEach((block, index) => {
    if (block.type === 'prose') parts.push(`<div class="prose">${nestHeadings(block.html)}</div>`);
    else if (block.type === 'video') parts.push(videoHtml(block.video, `${id}-video-${index}`, own.has(block.video), strings, language));
    // An address several videos share, given once after the last of them, unless the card's text gives it.
    for (const group of addresses) {
      if (group.after !== index || ownAddress(group) || group.linkedInText) continue;
      parts.push(`<p class="video-address">${escapeHtml(group.videos.length > 1 ? strings.videosPage : strings.deck.videoPage)} <a href="${escapeHtml(group.address)}">${escapeHtml(group.shown)}</a></p>`);
    }
  });
  const questions = card.questions.filter((q) => !q.action);
  if (questions.length > 0) {
    parts.push(`<h3>${escapeHtml(strings.questions)}</h3>\n<ol class="questions">\n${questions.map((q) => `<li>${q.html}</li>`).join('\n')}\n</ol>`);
  }
  for (const question of card.questions.filter((q) => q.action)) {
    parts.push(`<section class="action" aria-labelledby="${id}-action"><h3 id="${id}-action">${escapeHtml(strings.deck.action)}</h3><p>${question.html}</p></section>`);
  }
  if (card.quotes.length > 0) {
    parts.push(`<h3>${escapeHtml(strings.quotes)}</h3>`);
    for (const quote of card.quotes) parts.push(`<figure class="quote"><blockquote>${quote.html}</blockquote><figcaption>${quote.sourceHtml}</figcaption></figure>`);
  }
  return `<article class="card" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-title">
<p class="kicker">${escapeHtml(kicker)}</p>
<h2 id="${escapeHtml(id)}-title">${escapeHtml(card.title)}</h2>
${parts.join('\n')}
</article>`;
}

/** A video: who and what; the film itself when the deck has the file; where to watch it when the address is its own. */
function videoHtml(video: Video, id: string, withAddress: boolean, strings: ParticipantsStrings, language: string): string {
  const plan = planVideo(video);
  const heading = video.title ?? video.speaker ?? strings.deck.video;
  const who = [video.title ? video.speaker : undefined, video.role, plan.length].filter(Boolean).join(' · ');
  const parts = [`<h3 id="${escapeHtml(id)}">${escapeHtml(heading)}</h3>`];
  if (who) parts.push(`<p class="video-who">${escapeHtml(who)}</p>`);
  if (plan.kind === 'local' && video.built?.src) {
    const range = video.start !== undefined || video.end !== undefined ? `#t=${video.start ?? 0}${video.end === undefined ? '' : `,${video.end}`}` : '';
    const poster = video.built.poster ? ` poster="${escapeHtml(video.built.poster)}"` : '';
    const captions = video.built.captionsText === undefined ? ''
      : `<track kind="captions" default srclang="${escapeHtml(language)}" label="${escapeHtml(strings.captions)}" src="data:text/vtt;charset=utf-8,${encodeURIComponent(video.built.captionsText)}">`;
    parts.push(`<video controls preload="none" playsinline aria-labelledby="${escapeHtml(id)}" src="${escapeHtml(video.built.src + range)}"${poster}>${captions}</video>`);
  }
  if (video.descriptionHtml) parts.push(`<p>${video.descriptionHtml}</p>`);
  if (withAddress && plan.address) {
    const shown = plan.address.replace(/^https?:\/\//i, '').replace(/\/$/, '');
    parts.push(`<p>${escapeHtml(strings.deck.videoPage)} <a href="${escapeHtml(plan.address)}">${escapeHtml(shown)}</a></p>`);
  }
  return `<section class="video" aria-labelledby="${escapeHtml(id)}">\n${parts.join('\n')}\n</section>`;
}
