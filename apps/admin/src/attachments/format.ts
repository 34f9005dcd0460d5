/** 874 B, 12.3 KB, 1.2 MB: sizes as people read them (1 KB = 1,024 bytes; never "1024.0 KB"). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const kb = (n / 1024).toFixed(1);
  if (Number(kb) < 1024) return `${kb} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
