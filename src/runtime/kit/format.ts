// Numbers, times and dates as the facilitator reads them: mm:ss countdowns, 24-hour clock times, minutes, dates.

export type Language = 'da' | 'en';

/** "05:00", "00:07"; over time "+01:23". Minutes are not wrapped into hours (a card is never that long). */
export function formatCountdown(seconds: number): string {
  const over = seconds < 0;
  const abs = Math.abs(Math.trunc(seconds));
  const text = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

const clockFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * "09:05" in the deck's language, always on a 24-hour clock. The Danish
 * locale writes "09.05"; the parts are joined with a colon so the view
 * matches the agenda slide's times.
 */
export function formatClock(ms: number, language: Language): string {
  let format = clockFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(language, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}:${minute}`;
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number with at most one decimal, in the deck's language ("12,5" in Danish). */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1, useGrouping: false });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Seconds as whole minutes, rounded to the nearest (for plan and delta texts). */
export const wholeMinutes = (seconds: number): number => Math.round(seconds / 60);

/** Seconds as minutes with one decimal (for actual times). */
export const decimalMinutes = (seconds: number): number => Math.round(seconds / 6) / 10;

/** "2027-03-02" as "2. marts 2027" / "2 March 2027"; anything else as it is. */
export function formatDate(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
