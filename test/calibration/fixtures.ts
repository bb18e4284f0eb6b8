import type { Layout } from '../../src/core/calibration/layout';

/** The example from the layout format's definition (issue 2), as plain JSON. */
export function exampleLayoutJson(): Record<string, unknown> {
  return {
    version: 1,
    rotate: 0,
    deskew: 'auto',
    depth: { unit: 'FT', refs: [{ y: 212, depth: 5000 }, { y: 11840, depth: 5600 }] },
    step: 0.5,
    well: { WELL: 'D&K Heinen No. 1-4', UWI: '15-131-20215-00-00' },
    tracks: [
      {
        x0: 140,
        x1: 760,
        curves: [
          { mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 402, y: 230 }, wrap: false },
        ],
      },
    ],
  };
}

/** A layout with every optional field and the scale kinds that matter: reversed, log, wrap. */
export function fullLayout(): Layout {
  return {
    version: 1,
    rotate: 90,
    deskew: -1.25,
    depth: {
      unit: 'M',
      refs: [{ y: 100, depth: 1500 }, { y: 5100, depth: 1600 }, { y: 10100, depth: 1700.2 }],
      fit: 'piecewise',
      top: 1505,
      bottom: 1695,
    },
    step: 0.1524,
    well: { WELL: 'Test 1', COMP: 'Tracewell' },
    tracks: [
      {
        x0: 0,
        x1: 500,
        curves: [
          { mnemonic: 'GR', unit: 'GAPI', description: 'gamma ray', scale: 'linear', left: 0, right: 150, seed: { x: 10, y: 200 }, anchors: [{ x: 40, y: 900 }, { x: 480.5, y: 2000.5 }], wrap: true, backup: 'right', style: 'solid' },
          { mnemonic: 'CALI', unit: 'IN', scale: 'linear', left: 6, right: 16, seed: { x: 250, y: 200 }, wrap: false, style: 'broken' },
        ],
      },
      {
        x0: 665,
        x1: 1663,
        curves: [
          { mnemonic: 'DT', unit: 'US/F', scale: 'linear', left: 140, right: 40, seed: { x: 900, y: 300 }, wrap: false },
          { mnemonic: 'ILD', unit: 'OHMM', scale: 'log', left: 0.2, right: 2000, seed: { x: 700, y: 300 }, wrap: true },
        ],
      },
    ],
  };
}
