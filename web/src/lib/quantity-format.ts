// Quantities for people: cores, GiB/MiB, GPUs. The server sends numbers in base units
// (cores, bytes, devices); Kubernetes quantity strings are parsed on the server, not here.

export type QuantityKind = 'cpu' | 'bytes' | 'gpu' | 'count';

export interface DisplayUnit {
  divisor: number;
  singular: string;
  plural: string;
  maxFractionDigits: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** The unit to show a value of this kind in, chosen by the largest value shown with it (the quota). */
export function displayUnitFor(kind: QuantityKind, largest: number): DisplayUnit {
  switch (kind) {
    case 'cpu':
      // Millicores are the smallest CPU quantity Kubernetes keeps.
      return { divisor: 1, singular: 'core', plural: 'cores', maxFractionDigits: 3 };
    case 'gpu':
      return { divisor: 1, singular: 'GPU', plural: 'GPUs', maxFractionDigits: 0 };
    case 'count':
      return { divisor: 1, singular: '', plural: '', maxFractionDigits: 2 };
    case 'bytes':
      if (largest >= GiB) return { divisor: GiB, singular: 'GiB', plural: 'GiB', maxFractionDigits: 1 };
      if (largest >= MiB) return { divisor: MiB, singular: 'MiB', plural: 'MiB', maxFractionDigits: 0 };
      if (largest >= KiB) return { divisor: KiB, singular: 'KiB', plural: 'KiB', maxFractionDigits: 0 };
      return { divisor: 1, singular: 'B', plural: 'B', maxFractionDigits: 0 };
  }
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number in a unit, without the unit: `12`, `7.5`, `1,024`; a small non-zero value never shows as 0. */
export function formatInUnit(value: number, unit: DisplayUnit): string {
  let format = numberFormats.get(unit.maxFractionDigits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: unit.maxFractionDigits });
    numberFormats.set(unit.maxFractionDigits, format);
  }
  const scaled = value / unit.divisor;
  const smallest = 10 ** -unit.maxFractionDigits;
  if (scaled > 0 && scaled < smallest / 2) return `<${format.format(smallest)}`;
  return format.format(scaled);
}

/** The unit's name for an amount: `1 core`, `2 cores`; empty for plain counts. */
export function unitName(unit: DisplayUnit, amount: number): string {
  return amount === unit.divisor ? unit.singular : unit.plural;
}

function withUnit(number: string, name: string): string {
  return name === '' ? number : `${number} ${name}`;
}

/** One quantity on its own, e.g. `1.5 cores`, `16 GiB`, `512 MiB`, `1 GPU`. */
export function formatQuantity(value: number, kind: QuantityKind): string {
  const unit = displayUnitFor(kind, value);
  return withUnit(formatInUnit(value, unit), unitName(unit, value));
}
