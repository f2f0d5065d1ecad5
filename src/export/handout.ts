// The participant handout: a cover, then a page (or more) per card with its questions, the action question
// set apart, its quotes with their sources, the expert videos with QR codes, and ruled room to write.
// No facilitator notes: nothing of `card.notes` is read here.
import type { Card, Deck, DeckCard, Video } from '../model.js';
import { escapeHtml } from '../pipeline/render/html.js';
import { cardKicker, coverLines, flowHtml, flowId, shiftHeadings } from './flow.js';
import { qrSvg } from '../pipeline/render/qr.js';
import { planVideo } from '../pipeline/render/video.js';
import { ownAddress, shownAddress, videoAddresses } from '../pipeline/render/video-addresses.js';
import type { PrintStrings } from './strings.js';

export function handoutBody(deck: Deck, strings: PrintStrings): string {
  const themeCount = deck.cards.filter((c) => c.themeNumber !== undefined).length;
  const cards = deck.cards.map((placed) => cardFlow(placed, themeCount, strings));
  return [coverFlow(deck, themeCount, strings), ...cards].join('\n');
}

/** Title, organisation, date and place, and the contents with page numbers (filled in by the paginator). */
function coverFlow(deck: Deck, themeCount: number, strings: PrintStrings): string {
  // As on the title slide: who it is for, then when and where, then who leads it.
  const meta = coverLines(deck, strings).map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const contents = deck.cards.map((placed) => `<li><span class="contents-kicker">${escapeHtml(cardKicker(placed, themeCount, strings))}</span>`
    + `<span class="contents-title">${escapeHtml(placed.card.title)}</span>`
    + `<span class="contents-page" data-page-of="${escapeHtml(flowId(placed.card.id))}"></span></li>`).join('\n');
  return `<article class="flow cover" id="flow-cover">
<template class="continued"><div class="flow-continued" aria-hidden="true"><p class="continued-title">${escapeHtml(strings.contents)} <span class="continued-mark">(${escapeHtml(strings.continued)})</span></p></div></template>
<header class="cover-head">
<div class="cover-logo" aria-hidden="true"></div>
<p class="kicker">${escapeHtml(strings.handout)}</p>
<h1>${escapeHtml(deck.title)}</h1>
${deck.subtitle ? `<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : ''}
${meta ? `<div class="cover-meta">${meta}</div>` : ''}
</header>
${deck.participantsUrl ? participantsLink(deck.participantsUrl, strings) : ''}
<p class="contents-label keep-with-next">${escapeHtml(strings.contents)}</p>
<ol class="contents">
${contents}
</ol>
</article>`;
}

/** Where the participants' edition is published, with a QR code to it (the manifest's `participants.url`). */
function participantsLink(url: string, strings: PrintStrings): string {
  const shown = shownAddress(url);
  return `<div class="video-entry cover-online has-qr"><div class="entry-text"><p class="entry-title">${escapeHtml(strings.onlineTitle)}</p>`
    + `<p class="entry-link">${escapeHtml(strings.onlineText)} <a href="${escapeHtml(url)}">${escapeHtml(shown)}</a></p></div>`
    + `<div class="entry-qr">${qrSvg(url, strings.qrLabel(shown), 'qr')}</div></div>`;
}

function cardFlow(placed: DeckCard, themeCount: number, strings: PrintStrings): string {
  const { card } = placed;
  const parts: string[] = [];
  const access = videoAccess(card.body, strings);
  // The card's own text and videos, in file order; each video address once, where it is last mentioned.
  card.body.forEach((block, index) => {
    if (block.type === 'prose') parts.push(`<div class="print-prose group">${shiftHeadings(block.html)}</div>`);
    else if (block.type === 'video') parts.push(videoEntry(block.video, strings, access.inline.has(block.video)));
    parts.push(...(access.after.get(index) ?? []));
  });
  const questions = card.questions.filter((q) => !q.action);
  if (questions.length > 0) {
    parts.push(`<ol class="handout-questions">\n${questions.map((q) => `<li dir="auto">${q.html}</li>`).join('\n')}\n</ol>`);
  }
  for (const question of card.questions.filter((q) => q.action)) {
    parts.push(`<div class="handout-action"><p class="handout-action-label">${escapeHtml(strings.deck.action)}</p>`
      + `<p class="action-question" dir="auto">${question.html}</p></div>`);
  }
  if (card.quotes.length > 0) {
    parts.push(`<p class="section-label keep-with-next">${escapeHtml(strings.quotes)}</p>`);
    for (const quote of card.quotes) {
      // A group, not a figure: in the PDF a Figure is an image whose text alternative replaces its content.
      parts.push(`<div class="handout-quote" role="group"><blockquote dir="auto">${quote.html}</blockquote><p class="quote-source" dir="auto">${quote.sourceHtml}</p></div>`);
    }
  }
  if (card.kind === 'theme') {
    parts.push(`<div class="writing" aria-hidden="true"><p class="writing-label">${escapeHtml(strings.writingRoom)}</p><div class="lines"></div></div>`);
  }
  return flowHtml({
    id: flowId(card.id),
    className: `card card-${card.kind}`,
    kicker: cardKicker(placed, themeCount, strings),
    title: card.title,
    body: parts.join('\n'),
    cardId: card.id,
  }, strings);
}

/**
 * Where each video address is printed, once per card (../pipeline/render/video-addresses.ts). A video whose
 * address is its own gets its link and QR code in its entry (`inline`); the others get one block with the QR
 * code after the last of them or of the text that links to it (`after`, by body index), which repeats the
 * address only when the card's text does not give it.
 */
export function videoAccess(body: Card['body'], strings: PrintStrings): { inline: Set<Video>; after: Map<number, string[]> } {
  const inline = new Set<Video>();
  const after = new Map<number, string[]>();
  for (const group of videoAddresses(body)) {
    if (ownAddress(group)) {
      inline.add(group.videos[0]!);
      continue;
    }
    const many = group.videos.length > 1;
    const text = group.linkedInText
      ? `<p class="entry-link">${escapeHtml(many ? strings.scanVideos : strings.scanVideo)}</p>`
      : `<p class="entry-link">${escapeHtml(many ? strings.videosPage : strings.deck.videoPage)} <a href="${escapeHtml(group.address)}">${escapeHtml(group.shown)}</a></p>`;
    const html = `<div class="video-entry video-access has-qr"><div class="entry-text">${text}</div>`
      + `<div class="entry-qr">${qrSvg(group.address, strings.qrLabel(group.shown), 'qr')}</div></div>`;
    after.set(group.after, [...(after.get(group.after) ?? []), html]);
  }
  return { inline, after };
}

/** A video as a participant needs it on paper: who, what, and (with `withAccess`) where to watch it and a code to scan. */
export function videoEntry(video: Video, strings: PrintStrings, withAccess = true): string {
  const { address, length } = planVideo(video);
  const shown = address && shownAddress(address);
  const heading = video.title ?? video.speaker ?? strings.deck.video;
  const who = [video.title ? video.speaker : undefined, video.role, length].filter(Boolean).join(' · ');
  const access = withAccess && address !== undefined;
  const text = [
    `<p class="entry-title">${escapeHtml(heading)}</p>`,
    who ? `<p class="entry-who">${escapeHtml(who)}</p>` : '',
    video.descriptionHtml ? `<p class="entry-description">${video.descriptionHtml}</p>` : '',
    access ? `<p class="entry-link">${escapeHtml(strings.deck.videoPage)} <a href="${escapeHtml(address)}">${escapeHtml(shown!)}</a></p>` : '',
  ].join('');
  const qr = access ? `<div class="entry-qr">${qrSvg(address, strings.qrLabel(shown!), 'qr')}</div>` : '';
  return `<div class="video-entry${qr ? ' has-qr' : ''}"><div class="entry-text">${text}</div>${qr}</div>`;
}
