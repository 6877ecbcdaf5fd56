/** MD-5: a person's name in lists shows its first character only ("王伟" → "王*", "欧阳娜娜" → "欧***"). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
