const pad = (n: number) => String(n).padStart(2, '0');

/** `3日 04:12:09` (days only when there are any) until `deadline` from `now`; null once it has passed. */
export function remaining(deadline: Date, now: Date): string | null {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  return `${days > 0 ? `${days}日 ` : ''}${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
