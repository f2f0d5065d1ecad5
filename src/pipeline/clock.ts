// Clock times of the plan: "HH:MM" plus minutes.

/** Adds minutes to "HH:MM", wrapping at midnight. */
export function clockAfter(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number);
  const total = Math.round((h! * 60 + m! + minutes) % (24 * 60));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
