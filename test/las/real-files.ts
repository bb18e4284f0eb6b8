/**
 * The real LAS files and what their data say, measured independently of our reader
 * (/work/shared/data/las/SOURCES.md, and the ~C lines read by eye). Units as printed in ~C.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeLasBytes, readLasBytes, type LasFile } from '../../src/core/las/index.ts';

export const FIXTURES = resolve(__dirname, '../fixtures/las');
/** The shared real-data folder beside the repository (../shared/data/las); TRACEWELL_LAS_DIR overrides it. */
export const SHARED = process.env.TRACEWELL_LAS_DIR ?? resolve(__dirname, '../../../shared/data/las');

export interface RealFile {
  name: string;
  /** copied into test/fixtures/las (licence allows it); else read from SHARED when present */
  fixture: boolean;
  rows: number;
  first: number;
  last: number;
  /** the constant signed step of the data, 0 when irregular */
  step: number;
  /** the most common interval, when the data are regular except for a few rows */
  modalStep?: number;
  units: string[];
  wrap: boolean;
  nullValue: number;
  /** null (NaN) values in the data, where SOURCES.md counts them */
  nulls?: number;
}

export const REAL_FILES: RealFile[] = [
  { name: '6038187_v1.2.las', fixture: false, rows: 2732, first: 0.05, last: 136.6, step: 0.05, wrap: false, nullValue: -99999, nulls: 458,
    units: ['M', 'MM', 'G/CM3', 'G/CM3', 'GAPI', 'CPS', 'OHM/M', 'MV', 'MS/M'] },
  { name: '1001178549.las', fixture: false, rows: 5, first: 1783.5, last: 1784.5, step: 0.25, wrap: true, nullValue: -999.25, nulls: 75,
    units: ['FT', 'API', 'API', 'API', 'PERCNT', 'PPM', 'PPM', 'PERCNT', 'PERCNT', 'GM/CC', 'B/E', 'GM/CC', 'INCHES', 'LBS', 'API',
      'INCHES', 'INCHES', 'US/FT', 'PERCNT', 'OHMM', 'OHMM', 'MMHOS', 'OHMM', 'LBS', 'MVOLT', 'OHMM', 'OHMM'] },
  { name: 'sample_2.0.las', fixture: true, rows: 3, first: 1670, last: 1669.75, step: -0.125, wrap: false, nullValue: -999.25,
    units: ['M', 'US/M', 'K/M3', 'V/V', 'OHMM', 'OHMM', 'OHMM', 'OHMM'] },
  { name: 'sample_2.0_wrapped.las', fixture: true, rows: 2, first: 910, last: 909.875, step: -0.125, wrap: true, nullValue: -999.25,
    units: ['M', 'US/M', 'K/M', 'V/V', 'OHMM', 'OHMM', 'OHMM', 'OHMM', 'MV', 'GAPI', 'MM', 'K/M3', 'DBM', 'NS/M', '', 'V/V', 'MM',
      'K/M3', 'K/M3', 'MV', 'GAPI', 'V/V', 'V/V', 'V/V', 'V/V', 'V/V', 'OHMM', 'OHMM', '', '', '', '', '', '', '', ''] },
  { name: 'F03-02.las', fixture: false, rows: 14069, first: 2153.8647, last: 9.906, step: 0, wrap: false, nullValue: -999.25,
    units: ['M', 'MV', 'OHMM', 'OHMM', 'OHMM', 'OHMM', 'OHMM', 'LPU', 'G/C3', 'IN', 'GAPI', 'US/F', 'IN'] },
  { name: 'P-135_out.LAS', fixture: false, rows: 4951, first: 197.5104, last: 951.8904, step: 0.1524, wrap: true, nullValue: -999.25, nulls: 5936,
    units: ['m', 'in', 'us/ft', 'us/ft', ...Array(6).fill('m3/m3'), ...Array(7).fill('ohm.m'), ...Array(4).fill('gAPI'), 'mV', 'g/cm3'] },
  { name: 'Wellington_KGS-1-32-wDST2_LASv2.las', fixture: true, rows: 9341, first: 580, last: 5247.5, step: 0, modalStep: 0.5, wrap: false,
    nullValue: -999.25,
    units: ['F', 'lbs', 'NONE', 'ohmm', 'ohmm', 'ohmm', 'ohmm', 'ohmm', 'ohmm', 'ohmm', 'ohmm', 'g/cc', 'NONE', 'NONE', '', '%', '%', '%',
      '%', 'g/cc', '%', '%', '%', '%', 'mmo/m', 'in', 'ohmm', 'ohmm', 'api', 'api', 'api', '%', 'ppm', 'ppm', 'NONE', 'NONE', 'NONE', 'cps'] },
  { name: '24034.LAS', fixture: false, rows: 769, first: 3128, last: 3320, step: 0.25, wrap: false, nullValue: -999.25, units: ['F', 'GAPI'] },
  { name: '15-9-19_SR_COMP.LAS', fixture: false, rows: 29754, first: 102.1568, last: 4636.514, step: 0.1524, wrap: false, nullValue: -999.25,
    nulls: 127521, units: ['M', 'US/F', 'IN', 'G/CC', 'GAPI', '%', 'OHMM', 'OHMM'] },
  { name: 'ALMA_3_D399_SON_DEN_NEUT_2393-3388M_LAS.las', fixture: true, rows: 7843, first: 2193.036, last: 3388.1568, step: 0.1524, wrap: false,
    nullValue: -999.25,
    units: ['M', 'MM', 'MM', '', '', '', '', 'K/M3', 'US/M', 'US/M', 'US/M', 'US/M', 'US/M', 'GAPI', 'MM', 'MM', 'MM', 'V/V', '', 'K/M3', '',
      'LBF', ''] },
  { name: 'Pechelbronn.las', fixture: true, rows: 141, first: 139, last: 279, step: 1, wrap: false, nullValue: -999.25, units: ['M', 'OHMM'] },
  { name: '00-01-01-073-05W5-0.LAS', fixture: false, rows: 1041, first: 390, last: 650, step: 0.25, wrap: false, nullValue: -999.25,
    units: ['M', 'V/V', 'V/V', 'API', 'MM', 'OHMM'] },
  { name: '1610001023940.las', fixture: true, rows: 18741, first: 0.9, last: 1874.9, step: 0.1, wrap: false, nullValue: -99999,
    units: ['FT', 'API', 'OHM-M', '\u00b0F', '\u00b0F', '\u00b5S/CM', 'INCH', 'CPS'] },
  { name: '383549091130801.20090522.ZD.las', fixture: true, rows: 2926, first: 1.6, last: 473.426, step: 0, wrap: false, nullValue: -99999,
    units: ['FT', 'IN', 'CPS', 'US/CM', 'US/CM', 'DEG_C'] },
];

/** Path of a real file, or null with the reason it is not here. */
export function realFilePath(f: RealFile): { path: string } | { skip: string } {
  const path = f.fixture ? resolve(FIXTURES, f.name) : resolve(SHARED, f.name);
  if (existsSync(path)) return { path };
  return { skip: f.fixture ? `fixture ${path} is missing` : `${SHARED} is absent (${f.name} is not redistributable, so not a fixture)` };
}

const loaded = new Map<string, { las: LasFile; text: string }>();

/** The file read once per test process: its LasFile and its decoded text. */
export function loadRealFile(path: string): { las: LasFile; text: string } {
  let f = loaded.get(path);
  if (!f) {
    const bytes = new Uint8Array(readFileSync(path));
    f = { las: readLasBytes(bytes), text: decodeLasBytes(bytes).text };
    loaded.set(path, f);
  }
  return f;
}
