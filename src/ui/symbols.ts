/** The ONS symbols a figure can be replaced by, and what each means to a reader. */
export const SYMBOL_MEANING = {
  c: 'hidden to protect privacy',
  x: 'not available',
  z: 'not applicable',
} as const;

export type FigureSymbol = keyof typeof SYMBOL_MEANING;
