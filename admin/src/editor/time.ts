/** Times as the newsroom shows and edits them: local wall-clock time in, UTC instants out. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "10:42" — the save status. */
export function clockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "28 Nov 2026, 10:42" for an ISO instant; "" for null. */
export function dateTime(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const month = d.toLocaleString('en-GB', { month: 'short' });
  return `${d.getDate()} ${month} ${d.getFullYear()}, ${clockTime(d)}`;
}

/** ISO instant → the value of an <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An <input type="datetime-local"> value (local time) → ISO instant; "" → null. */
export function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
