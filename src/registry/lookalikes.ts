// Lookalike Cyrillic and Greek letters, as Latin ones (a small part of Unicode's UTS #39 confusables list).
// biome-ignore format: a table reads best in rows
const LATIN_LOOKALIKES: Record<string, string> = {
  // Cyrillic capitals and small letters.
  А: "A", В: "B", Е: "E", З: "3", І: "I", Ј: "J", К: "K", М: "M", Н: "H", О: "O", Р: "P", Ѕ: "S", С: "C",
  Т: "T", У: "Y", Х: "X", Ү: "Y", Һ: "h", Ԛ: "Q", Ԝ: "W",
  а: "a", с: "c", е: "e", і: "i", ј: "j", о: "o", р: "p", ѕ: "s", у: "y", х: "x", һ: "h", ԁ: "d", ԛ: "q",
  ԝ: "w", ӏ: "l", ү: "y",
  // Greek capitals and small letters.
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y",
  Χ: "X", ο: "o", ν: "v", ι: "i", κ: "k", ρ: "p", α: "a",
};
const LOOKALIKE = new RegExp(`[${Object.keys(LATIN_LOOKALIKES).join("")}]`, "g");

/** A name as names are compared for duplicates: NFKC, Cyrillic and Greek lookalikes as Latin, lower case. */
export function comparableName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(LOOKALIKE, (ch) => LATIN_LOOKALIKES[ch]!)
    .toLowerCase();
}

/** The first character of `name` that `comparableName` changes other than by case (`` `А` (U+0410) ``). */
export function firstLookalike(name: string): string | undefined {
  for (const ch of name) {
    if (LATIN_LOOKALIKES[ch] === undefined && ch.normalize("NFKC") === ch) continue;
    return `\`${ch}\` (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
  }
  return undefined;
}
