// The seminar plan: the deck's cards and breaks in order, read from the embedded deck model.

/** A card as the timers see it. */
export interface PlanCard {
  kind: 'card';
  id: string;
  title: string;
  /** `intro` or `theme` (the card's kind in the deck model). */
  cardKind: string;
  /** Position among the theme cards (1-based), when it is one. */
  themeNumber?: number;
  /** Planned seconds from the manifest (before any re-plan). */
  plannedSeconds: number;
  /** The card's action question ("Hvad kan I som kommunalbestyrelse …"), as plain text: the record's heading for the card. */
  actionQuestion?: string;
}

/** A planned break ("15 min pause after card 3"). */
export interface PlanBreak {
  kind: 'break';
  /** `break-1`, `break-2`, … in plan order: breaks have no id of their own. */
  id: string;
  title?: string;
  plannedSeconds: number;
  /** The card the break follows; none for a break before the first card. */
  afterCard?: string;
}

export type PlanItem = PlanCard | PlanBreak;

/** Everything the timers need from the deck model. */
export interface Plan {
  deckId: string;
  title: string;
  language: 'da' | 'en';
  /** Planned start as "HH:MM" (local time on the seminar's day). */
  start: string;
  /** The seminar's day from the manifest ("YYYY-MM-DD"); a run on any other day is a rehearsal. */
  date?: string;
  /** The council, place and facilitator from the manifest: the seminar record's details by default. */
  municipality?: string;
  place?: string;
  facilitator?: string;
  /** Cards and breaks in the order of the day. */
  items: PlanItem[];
  /** The welcome and the day's programme, before the first card (0 when the manifest plans none). */
  welcomeSeconds: number;
  /** The closing, after the last card: the day ends after it. */
  closingSeconds: number;
  themeCount: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const seconds = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;

/** The planned seconds of the welcome or the closing in the model; a model from before they were planned has none. */
const plannedOf = (part: unknown): number => (isRecord(part) ? seconds(part['plannedSeconds']) : 0);

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the plan from the `#samtale-deck` JSON. Tolerant: a model without
 * cards (a hand-made page) gives an empty plan, so the facilitator view
 * still shows notes and previews.
 */
export function planFromModel(model: unknown): Plan {
  const m = isRecord(model) ? model : {};
  const cards: PlanCard[] = [];
  for (const raw of Array.isArray(m['cards']) ? m['cards'] : []) {
    if (!isRecord(raw) || typeof raw['id'] !== 'string') continue;
    const planned = raw['plannedSeconds'] ?? (typeof raw['minutes'] === 'number' ? raw['minutes'] * 60 : 0);
    const questions = Array.isArray(raw['questions']) ? raw['questions'].filter(isRecord) : [];
    const action = questions.find((q) => q['action'] === true)?.['text'];
    cards.push({
      kind: 'card',
      id: raw['id'],
      title: typeof raw['title'] === 'string' ? raw['title'] : raw['id'],
      cardKind: typeof raw['kind'] === 'string' ? raw['kind'] : 'theme',
      ...(typeof raw['themeNumber'] === 'number' ? { themeNumber: raw['themeNumber'] } : {}),
      plannedSeconds: seconds(planned),
      ...(typeof action === 'string' && action.trim() !== '' ? { actionQuestion: action } : {}),
    });
  }
  const breaks: PlanBreak[] = [];
  for (const raw of Array.isArray(m['breaks']) ? m['breaks'] : []) {
    if (!isRecord(raw)) continue;
    const planned = raw['plannedSeconds'] ?? (typeof raw['minutes'] === 'number' ? raw['minutes'] * 60 : 0);
    breaks.push({
      kind: 'break',
      id: `break-${breaks.length + 1}`,
      ...(typeof raw['title'] === 'string' ? { title: raw['title'] } : {}),
      plannedSeconds: seconds(planned),
      ...(typeof raw['afterCard'] === 'string' ? { afterCard: raw['afterCard'] } : {}),
    });
  }
  const start = typeof m['start'] === 'string' && CLOCK.test(m['start']) ? m['start'] : '09:00';
  const text = (key: string) => (typeof m[key] === 'string' && (m[key] as string).trim() !== '' ? { [key]: (m[key] as string).trim() } : {});
  return {
    deckId: typeof m['id'] === 'string' ? m['id'] : 'deck',
    title: typeof m['title'] === 'string' ? m['title'] : '',
    language: m['language'] === 'en' ? 'en' : 'da',
    start,
    ...(typeof m['date'] === 'string' && DAY.test(m['date']) ? { date: m['date'] } : {}),
    ...text('municipality'),
    ...text('place'),
    ...text('facilitator'),
    items: orderItems(cards, breaks),
    welcomeSeconds: plannedOf(m['welcome']),
    closingSeconds: plannedOf(m['closing']),
    themeCount: cards.filter((c) => c.themeNumber !== undefined).length,
  };
}

/** Breaks go right after the card they follow (the agenda slide's order); one without a card goes first. */
function orderItems(cards: PlanCard[], breaks: PlanBreak[]): PlanItem[] {
  const items: PlanItem[] = breaks.filter((b) => b.afterCard === undefined || !cards.some((c) => c.id === b.afterCard));
  for (const card of cards) {
    items.push(card, ...breaks.filter((b) => b.afterCard === card.id));
  }
  return items;
}

/** The plan's cards, in order. */
export function planCards(plan: Plan): PlanCard[] {
  return plan.items.filter((item): item is PlanCard => item.kind === 'card');
}

/** Index of an item in `plan.items`, or -1. */
export function itemIndex(plan: Plan, id: string): number {
  return plan.items.findIndex((item) => item.id === id);
}

/** Seconds of the whole day as the manifest set it: the welcome, every card and break, the closing. */
export function plannedTotalSeconds(plan: Plan): number {
  return plan.welcomeSeconds + plan.items.reduce((sum, item) => sum + item.plannedSeconds, 0) + plan.closingSeconds;
}

/**
 * "HH:MM" on the local day that contains `dayMs`, as epoch milliseconds.
 * The seminar's day is the day its first card started (or today before that).
 */
export function clockOnDay(clock: string, dayMs: number): number {
  const match = CLOCK.exec(clock);
  const date = new Date(dayMs);
  date.setHours(match ? Number(match[1]) : 9, match ? Number(match[2]) : 0, 0, 0);
  return date.getTime();
}

/** The local calendar day of `ms` as "YYYY-MM-DD": the seminar key. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
