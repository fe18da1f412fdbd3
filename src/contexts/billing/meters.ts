/** The meters Marshal records, with the unit a summary names; a meter not listed here is counted in `unit`s. */
export const METERS: Readonly<Record<string, { unit: string; description: string }>> = {
  scan: { unit: 'scan', description: 'A scan that ran (an agent started it, or a SARIF log was imported)' },
  'scan.bytes': { unit: 'byte', description: "The bytes of the snapshot a scan read (the snapshot's totalBytes)" },
  'scan.scanner_seconds': { unit: 'second', description: 'Seconds from a scan’s start to its end' },
};

export const unitOf = (meter: string): string => METERS[meter]?.unit ?? 'unit';
