const format = new Intl.NumberFormat('en-GB');

/** 27818 -> "27,818", for the sentences the import writes (caveats, load notes). */
export function enGBCount(n: number): string {
  return format.format(n);
}
