// Where a card's videos can be watched, each address once: for the handout and the participants' edition.
import type { Card, Video } from '../../model.js';
import { planVideo } from './video.js';

/** The videos of a card that share one address, and where the address is best given. */
export interface VideoAddress {
  address: string;
  /** As people read it: no scheme, no trailing slash. */
  shown: string;
  videos: Video[];
  /** The card's own text links to the address already. */
  linkedInText: boolean;
  /** The body block after which to give the address: the last of its videos, or of the text linking to it. */
  after: number;
}

/** An address as people compare them: no scheme, no trailing slash, any case. */
const addressKey = (address: string) => address.replace(/&amp;/g, '&').replace(/^https?:\/\//i, '').replace(/\/$/, '').toLowerCase();

export const shownAddress = (address: string) => address.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/**
 * The addresses of a card's videos, in order of first appearance. Several videos on one page (KL's three
 * experts) share one entry, and text in the card that links to the page counts as giving it.
 */
export function videoAddresses(body: Card['body']): VideoAddress[] {
  const groups = new Map<string, VideoAddress>();
  body.forEach((block, index) => {
    if (block.type !== 'video') return;
    const { address } = planVideo(block.video);
    if (!address) return;
    const key = addressKey(address);
    const group = groups.get(key) ?? { address, shown: shownAddress(address), videos: [], linkedInText: false, after: index };
    group.videos.push(block.video);
    group.after = index;
    groups.set(key, group);
  });
  body.forEach((block, index) => {
    if (block.type !== 'prose') return;
    for (const [, href] of block.html.matchAll(/href="([^"]*)"/g)) {
      const group = groups.get(addressKey(href!));
      if (!group) continue;
      group.linkedInText = true;
      group.after = Math.max(group.after, index);
    }
  });
  return [...groups.values()];
}

/** A video whose address is its own: no other video shares it and the card's text does not give it. */
export const ownAddress = (group: VideoAddress) => group.videos.length === 1 && !group.linkedInText;
