/** Amounts typed in yuan ("1,234.5", "¥800", "3000元") → integer fen; null when not an amount. */
export function parseYuanToFen(input: string): number | null {
  const cleaned = input
    .replace(/[,，\s]/g, "")
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}
