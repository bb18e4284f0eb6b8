/**
 * The pick-list of common log mnemonics, with the unit and the scale they are usually printed on.
 * Picking one fills the unit (and, on a curve still at the default 0–100 linear scale, the usual
 * scale) — the user then corrects what the paper says.
 */
import type { CurveSpec, ScaleKind } from '../../core/calibration/layout';

export interface KnownCurve {
  mnemonic: string;
  description: string;
  unit: string;
  scale: ScaleKind;
  left: number;
  right: number;
}

const resistivity = (mnemonic: string, description: string): KnownCurve => ({ mnemonic, description, unit: 'OHMM', scale: 'log', left: 0.2, right: 2000 });

export const KNOWN_CURVES: KnownCurve[] = [
  { mnemonic: 'GR', description: 'Gamma ray', unit: 'GAPI', scale: 'linear', left: 0, right: 150 },
  { mnemonic: 'CGR', description: 'Computed gamma ray', unit: 'GAPI', scale: 'linear', left: 0, right: 150 },
  { mnemonic: 'SGR', description: 'Spectral gamma ray', unit: 'GAPI', scale: 'linear', left: 0, right: 150 },
  { mnemonic: 'SP', description: 'Spontaneous potential', unit: 'MV', scale: 'linear', left: -80, right: 20 },
  { mnemonic: 'CALI', description: 'Caliper', unit: 'IN', scale: 'linear', left: 6, right: 16 },
  { mnemonic: 'BS', description: 'Bit size', unit: 'IN', scale: 'linear', left: 6, right: 16 },
  { mnemonic: 'RHOB', description: 'Bulk density', unit: 'G/C3', scale: 'linear', left: 1.95, right: 2.95 },
  { mnemonic: 'DRHO', description: 'Density correction', unit: 'G/C3', scale: 'linear', left: -0.25, right: 0.25 },
  { mnemonic: 'NPHI', description: 'Neutron porosity', unit: 'V/V', scale: 'linear', left: 0.45, right: -0.15 },
  { mnemonic: 'PE', description: 'Photoelectric factor', unit: 'B/E', scale: 'linear', left: 0, right: 10 },
  { mnemonic: 'DT', description: 'Sonic transit time', unit: 'US/F', scale: 'linear', left: 140, right: 40 },
  resistivity('ILD', 'Deep induction resistivity'),
  resistivity('ILM', 'Medium induction resistivity'),
  resistivity('LLD', 'Deep laterolog resistivity'),
  resistivity('LLS', 'Shallow laterolog resistivity'),
  resistivity('MSFL', 'Micro-spherically focused resistivity'),
  resistivity('SFLU', 'Spherically focused resistivity'),
  resistivity('RXO', 'Flushed zone resistivity'),
];

export function knownCurve(mnemonic: string): KnownCurve | undefined {
  const m = mnemonic.trim().toUpperCase();
  return KNOWN_CURVES.find((k) => k.mnemonic === m);
}

/** The fields a new mnemonic changes: its unit where the unit is empty or the old mnemonic's default, … */
export function mnemonicPatch(curve: CurveSpec, mnemonic: string): Partial<CurveSpec> {
  const patch: Partial<CurveSpec> = { mnemonic };
  const known = knownCurve(mnemonic);
  if (!known) return patch;
  const oldDefault = knownCurve(curve.mnemonic)?.unit;
  if (curve.unit.trim() === '' || curve.unit === oldDefault) patch.unit = known.unit;
  if (!curve.description) patch.description = known.description;
  // … and the usual scale while the curve is still at the new-curve default (0–100, linear)
  if (curve.scale === 'linear' && curve.left === 0 && curve.right === 100) Object.assign(patch, { scale: known.scale, left: known.left, right: known.right });
  return patch;
}
