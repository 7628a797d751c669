// Kubernetes resource quantities ("500m", "2Gi", "1.5", "1e3") as numbers in base units
// (cores, bytes, devices). The one place quantities are parsed.
const binary: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimal: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const quantityPattern = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** The quantity's value in base units, or undefined when the text is not a Kubernetes quantity. */
export function parseQuantity(text: string): number | undefined {
  const match = quantityPattern.exec(text.trim());
  if (match === null) return undefined;
  const [, number, exponent, suffix] = match;
  const value = Number(number);
  if (exponent !== undefined) return value * 10 ** Number(exponent.slice(1));
  const unit = suffix === undefined ? 1 : (binary[suffix] ?? decimal[suffix]);
  return unit === undefined ? undefined : value * unit;
}

const binaryUnits: [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/**
 * A value in base units written as a quantity people read: bytes in Gi/Mi/Ki when `bytes`, else
 * whole numbers or millis (`1.5` cores → `1500m`). Rounded to three decimals of the unit chosen.
 */
export function formatQuantity(value: number, bytes: boolean): string {
  if (bytes) {
    for (const [suffix, unit] of binaryUnits) {
      if (Math.abs(value) >= unit) return `${Math.round((value / unit) * 1000) / 1000}${suffix}`;
    }
    return String(Math.round(value));
  }
  if (Number.isInteger(value)) return String(value);
  return `${Math.round(value * 1000)}m`;
}

/** Whether a quota resource counts bytes (memory, storage), so it is shown in binary units. */
export function isByteResource(resource: string): boolean {
  return /(^|\.)(memory|storage|ephemeral-storage)$/.test(resource);
}
