/**
 * Made-up header text: pseudo-words from syllables, so headers read like real ones (company, well,
 * field, county) without naming real operators or wells.
 */
import type { Rng } from './prng.ts';

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'br', 'ch', 'cr', 'st', 'tr', 'sh', 'gr', 'pl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 't', 'nd', 'rk', 'ck', 'st', 'll', 'm', 'x'];

export function word(rng: Rng, syllables = rng.int(1, 3)): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function companyName(rng: Rng): string {
  const suffix = rng.pick(['Oil Company', 'Petroleum Corp.', 'Energy Inc.', 'Resources LLC', 'Exploration Co.', 'Oil & Gas']);
  return `${word(rng)} ${suffix}`;
}

export function wellName(rng: Rng): string {
  return `${word(rng)} ${rng.pick(['No.', '#', 'Unit', ''])} ${rng.int(1, 36)}-${rng.int(1, 36)}`.replace(/\s+/g, ' ');
}

export interface HeaderFields {
  rows: [string, string][];
  title: string;
  service: string;
}

/** The label/value rows of a title block. */
export function headerFields(rng: Rng, depthUnit: 'FT' | 'M'): HeaderFields {
  const u = depthUnit === 'FT' ? 'ft' : 'm';
  const td = rng.int(800, 12000);
  const rows: [string, string][] = [
    ['Company', companyName(rng)],
    ['Well', wellName(rng)],
    ['Field', rng.chance(0.3) ? 'Wildcat' : word(rng, 2)],
    ['County', word(rng, 2)],
    ['State', word(rng, 2)],
    ['API No.', `${rng.int(10, 49)}-${rng.int(100, 999)}-${rng.int(10000, 99999)}`],
    ['Location', `Sec. ${rng.int(1, 36)} Twp. ${rng.int(1, 40)}S Rge. ${rng.int(1, 40)}W`],
    ['Date', `${rng.int(1, 12)}/${rng.int(1, 28)}/${rng.int(1955, 2015)}`],
    ['Depth Driller', `${td} ${u}`],
    ['Bottom Logged Interval', `${td - rng.int(5, 40)} ${u}`],
    ['Elevation KB', `${rng.int(300, 3500)} ${u}`],
    ['Run Number', rng.pick(['One', 'Two', '1', '2'])],
  ];
  const title = rng.pick(['Dual Induction Log', 'Compensated Neutron Density', 'Borehole Compensated Sonic Log',
    'Gamma Ray Neutron', 'Electrical Log', 'Laterolog', 'Micro Log', 'Spectral Density Dual Spaced Neutron']);
  return { rows: rows.slice(0, rng.int(6, rows.length)), title, service: word(rng, 2).toUpperCase() };
}
