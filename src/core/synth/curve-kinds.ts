/**
 * The kinds of curve the generator prints, with the mnemonics, units and scales seen on real
 * logs (data space: values in the curve's own unit). Scales are [left edge, right edge]; left > right
 * is a reversed scale as printed for porosity and sonic.
 */
export type KindId = 'GR' | 'SP' | 'CALI' | 'RHOB' | 'NPHI' | 'DPHI' | 'DT' | 'PEF' | 'RES' | 'TENS' | 'SPD';

export interface KindScale {
  left: number;
  right: number;
}

export interface CurveKind {
  id: KindId;
  mnemonics: readonly string[];
  unit: string;
  /** a descriptive name as printed in scale headers */
  title: string;
  log: boolean;
  scales: readonly KindScale[];
  /** printable on a log-scale track */
  onLog: boolean;
  /** curves of this kind are the usual ones to get a backup (wrap) scale */
  wrapFriendly: boolean;
}

export const CURVE_KINDS: Record<KindId, CurveKind> = {
  GR: {
    id: 'GR', mnemonics: ['GR', 'GRC', 'SGR', 'CGR', 'GAM'], unit: 'GAPI', title: 'Gamma Ray', log: false,
    scales: [{ left: 0, right: 150 }, { left: 0, right: 100 }, { left: 0, right: 120 }, { left: 0, right: 200 }],
    onLog: false, wrapFriendly: true,
  },
  SP: {
    id: 'SP', mnemonics: ['SP', 'SPBR'], unit: 'MV', title: 'Spontaneous Potential', log: false,
    scales: [{ left: -80, right: 20 }, { left: -100, right: 0 }, { left: -160, right: 40 }, { left: -50, right: 50 }],
    onLog: false, wrapFriendly: false,
  },
  CALI: {
    id: 'CALI', mnemonics: ['CALI', 'CAL', 'HCAL', 'dCAL'], unit: 'IN', title: 'Caliper', log: false,
    scales: [{ left: 6, right: 16 }, { left: 4, right: 14 }, { left: 6, right: 26 }, { left: 8, right: 18 }],
    onLog: false, wrapFriendly: false,
  },
  RHOB: {
    id: 'RHOB', mnemonics: ['RHOB', 'ZDEN', 'DEN', 'RHOZ'], unit: 'G/C3', title: 'Bulk Density', log: false,
    scales: [{ left: 1.95, right: 2.95 }, { left: 2, right: 3 }, { left: 1.9, right: 2.9 }],
    onLog: false, wrapFriendly: false,
  },
  NPHI: {
    id: 'NPHI', mnemonics: ['NPHI', 'CNC', 'NPOR', 'TNPH'], unit: 'V/V', title: 'Neutron Porosity', log: false,
    scales: [{ left: 0.45, right: -0.15 }, { left: 0.6, right: 0 }, { left: 0.3, right: -0.1 }],
    onLog: false, wrapFriendly: false,
  },
  DPHI: {
    id: 'DPHI', mnemonics: ['DPHI', 'PHID', 'SPHI'], unit: 'PU', title: 'Density Porosity', log: false,
    scales: [{ left: 30, right: -10 }, { left: 45, right: -15 }, { left: 40, right: -20 }],
    onLog: false, wrapFriendly: false,
  },
  DT: {
    id: 'DT', mnemonics: ['DT', 'AC', 'DTC', 'DTCO'], unit: 'US/F', title: 'Delta Time', log: false,
    scales: [{ left: 140, right: 40 }, { left: 189, right: 40 }, { left: 150, right: 50 }],
    onLog: false, wrapFriendly: false,
  },
  PEF: {
    id: 'PEF', mnemonics: ['PEF', 'PE', 'PEFZ'], unit: 'B/E', title: 'Photoelectric Factor', log: false,
    scales: [{ left: 0, right: 10 }, { left: 0, right: 20 }],
    onLog: false, wrapFriendly: false,
  },
  RES: {
    id: 'RES', mnemonics: ['ILD', 'ILM', 'SFLU', 'LLD', 'LLS', 'MSFL', 'RT', 'RXO', 'RDEP', 'RMED'], unit: 'OHMM',
    title: 'Resistivity', log: true,
    scales: [{ left: 0.2, right: 2000 }, { left: 0.2, right: 200 }, { left: 1, right: 1000 }, { left: 0.1, right: 1000 },
      { left: 2, right: 2000 }, { left: 0.2, right: 20 }],
    onLog: true, wrapFriendly: false,
  },
  TENS: {
    id: 'TENS', mnemonics: ['TENS', 'LTEN', 'TEN'], unit: 'LB', title: 'Line Tension', log: false,
    scales: [{ left: 15000, right: 0 }, { left: 10000, right: 0 }, { left: 0, right: 10000 }],
    onLog: false, wrapFriendly: false,
  },
  SPD: {
    id: 'SPD', mnemonics: ['LSPD', 'SPD', 'CS'], unit: 'F/MN', title: 'Line Speed', log: false,
    scales: [{ left: 0, right: 60 }, { left: 60, right: 0 }, { left: 0, right: 100 }],
    onLog: false, wrapFriendly: false,
  },
};

/** Linear-track kinds with a rough frequency on real prints. */
export const LINEAR_KIND_WEIGHTS: readonly (readonly [KindId, number])[] = [
  ['GR', 6], ['SP', 3], ['CALI', 3], ['RHOB', 3], ['NPHI', 3], ['DPHI', 2], ['DT', 3], ['PEF', 1], ['TENS', 1], ['SPD', 0.5],
  ['RES', 1],
];
