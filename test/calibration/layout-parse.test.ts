import { describe, expect, it } from 'vitest';
import {
  formatLayoutErrors,
  layoutToJson,
  migrateLayout,
  parseLayout,
  parseLayoutText,
  validateLayout,
  type LayoutError,
} from '../../src/core/calibration';
import { exampleLayoutJson, fullLayout } from './fixtures';

type Json = Record<string, any>;

/** Errors of the example layout after `edit`; the parse must fail. */
function errorsAfter(edit: (j: Json) => void): LayoutError[] {
  const json = exampleLayoutJson() as Json;
  edit(json);
  const result = parseLayout(json);
  if (result.ok) throw new Error('expected the layout to be rejected');
  return result.errors;
}

/** The one error at `path`, whose message must match `words`. */
function expectError(errors: LayoutError[], path: string, words: RegExp): void {
  const at = errors.filter((e) => e.path === path);
  expect(at, `errors were: ${formatLayoutErrors(errors)}`).toHaveLength(1);
  expect(at[0].message).toMatch(words);
}

describe('parseLayout: valid files', () => {
  it('reads the example from the format definition', () => {
    const result = parseLayout(exampleLayoutJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layout.depth.refs).toEqual([{ y: 212, depth: 5000 }, { y: 11840, depth: 5600 }]);
    expect(result.layout.tracks[0].curves[0]).toMatchObject({ mnemonic: 'GR', left: 0, right: 150, wrap: false });
  });

  it('reads back what layoutToJson writes, every optional field included', () => {
    const layout = fullLayout();
    const result = parseLayoutText(layoutToJson(layout));
    expect(result).toEqual({ ok: true, layout });
  });

  it('treats a missing "well" as no header fields', () => {
    const result = parseLayout({ ...exampleLayoutJson(), well: undefined });
    expect(result.ok && result.layout.well).toEqual({});
  });

  it('does not modify the object it reads', () => {
    const json = exampleLayoutJson();
    const before = JSON.stringify(json);
    parseLayout(json);
    expect(JSON.stringify(json)).toBe(before);
  });
});

describe('parseLayout: precise errors', () => {
  it('x1 ≤ x0', () => {
    expectError(errorsAfter((j) => (j.tracks[0].x1 = 140)), 'tracks[0].x1', /greater than the left edge x0 \(140\)/);
  });

  it('names the second track by its index', () => {
    const errors = errorsAfter((j) => j.tracks.push({ x0: 800, x1: 700, curves: [] }));
    expectError(errors, 'tracks[1].x1', /must be greater/);
  });

  it('fewer than two depth refs', () => {
    expectError(errorsAfter((j) => j.depth.refs.pop()), 'depth.refs', /at least two depth references.*found 1/);
  });

  it('refs with equal y', () => {
    expectError(errorsAfter((j) => (j.depth.refs[1].y = 212)), 'depth.refs[1].y', /same row \(y 212\) as depth\.refs\[0\]/);
  });

  it('refs with one depth', () => {
    expectError(errorsAfter((j) => (j.depth.refs[1].depth = 5000)), 'depth.refs', /same depth/);
  });

  it('a piecewise ref out of order (a typo) names that ref', () => {
    const errors = errorsAfter((j) => j.depth.refs.splice(1, 0, { y: 6000, depth: 5900 }));
    expectError(errors, 'depth.refs[2].depth', /breaks the order.*typo/);
  });

  it('log scale with a non-positive bound', () => {
    const errors = errorsAfter((j) => Object.assign(j.tracks[0].curves[0], { scale: 'log', left: 0, right: 2000 }));
    expectError(errors, 'tracks[0].curves[0].left', /log scale needs bounds > 0, not 0/);
  });

  it('left == right', () => {
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].right = 0)), 'tracks[0].curves[0].right', /equals left/);
  });

  it('unknown rotate', () => {
    expectError(errorsAfter((j) => (j.rotate = 45)), 'rotate', /unknown rotate 45; use 0, 90, 180 or 270/);
  });

  it('|deskew| > 5°', () => {
    expectError(errorsAfter((j) => (j.deskew = -5.5)), 'deskew', /-5\.5° is more than 5°/);
  });

  it('deskew that is neither a number nor "auto"', () => {
    expectError(errorsAfter((j) => (j.deskew = 'none')), 'deskew', /number of degrees or "auto"/);
  });

  it('unknown version, future version, missing version', () => {
    expectError(errorsAfter((j) => (j.version = 0)), 'version', /unknown layout version 0/);
    expectError(errorsAfter((j) => (j.version = '1')), 'version', /unknown layout version "1"/);
    expectError(errorsAfter((j) => (j.version = 2)), 'version', /newer Tracewell; this one reads versions up to 1/);
    expectError(errorsAfter((j) => delete j.version), 'version', /missing field "version"/);
  });

  it('non-finite numbers (possible from code, not from JSON text)', () => {
    const errors = errorsAfter((j) => {
      j.step = Number.NaN;
      j.tracks[0].x0 = Number.POSITIVE_INFINITY;
    });
    expectError(errors, 'step', /greater than 0, not NaN/);
    expectError(errors, 'tracks[0].x0', /column ≥ 0 px, not Infinity/);
  });

  it('missing fields, each by its path', () => {
    const errors = errorsAfter((j) => {
      delete j.step;
      delete j.tracks[0].curves[0].seed;
      delete j.depth.unit;
    });
    expectError(errors, 'step', /missing field "step"/);
    expectError(errors, 'tracks[0].curves[0].seed', /missing field "seed"/);
    expectError(errors, 'depth.unit', /missing field "unit"/);
  });

  it('a field of the wrong JSON type', () => {
    expectError(errorsAfter((j) => (j.tracks[0].x0 = '140')), 'tracks[0].x0', /must be a number, not "140"/);
    expectError(errorsAfter((j) => (j.tracks = {})), 'tracks', /must be a list, not an object/);
    expectError(errorsAfter((j) => (j.well.UWI = 1513120215)), 'well.UWI', /put it in quotes/);
  });

  it('an unknown field (a typo is not silently ignored)', () => {
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].wrapp = true)), 'tracks[0].curves[0].wrapp', /unknown field "wrapp"/);
  });

  it('an unknown backup side', () => {
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].backup = 'up')), 'tracks[0].curves[0].backup', /unknown backup side "up"; use "right", "left" or "both"/);
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].backup = 1)), 'tracks[0].curves[0].backup', /must be a string/);
  });

  it('step ≤ 0', () => {
    expectError(errorsAfter((j) => (j.step = 0)), 'step', /greater than 0, not 0/);
    expectError(errorsAfter((j) => (j.step = -0.5)), 'step', /greater than 0, not -0\.5/);
  });

  it('seed outside its track', () => {
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].seed.x = 800)), 'tracks[0].curves[0].seed.x', /outside its track \(x 140–760\)/);
  });

  it('unknown depth unit', () => {
    expectError(errorsAfter((j) => (j.depth.unit = 'feet')), 'depth.unit', /unknown depth unit "feet"; use "M" or "FT"/);
  });

  it('unknown scale, style and fit', () => {
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].scale = 'logarithmic')), 'tracks[0].curves[0].scale', /unknown scale/);
    expectError(errorsAfter((j) => (j.tracks[0].curves[0].style = 'dotted')), 'tracks[0].curves[0].style', /unknown line style/);
    expectError(errorsAfter((j) => (j.depth.fit = 'spline')), 'depth.fit', /unknown fit "spline"/);
  });

  it('reports every shape error at once', () => {
    const errors = errorsAfter((j) => {
      j.rotate = 'ninety';
      j.tracks[0].x1 = null;
      j.depth.refs[0] = 'row 212';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['depth.refs[0]', 'rotate', 'tracks[0].x1']);
  });

  it('not an object, and not JSON', () => {
    expectError(parseFail(parseLayout([1, 2])), '', /must be a JSON object, not a list/);
    expectError(parseFail(parseLayoutText('{"version": 1,')), '', /not valid JSON/);
  });
});

describe('validateLayout and migrateLayout', () => {
  it('accepts a valid typed layout and rejects a UI edit that breaks it', () => {
    const layout = fullLayout();
    expect(validateLayout(layout)).toEqual([]);
    layout.tracks[1].curves[1].right = -1;
    expect(validateLayout(layout)).toEqual([{ path: 'tracks[1].curves[1].right', message: 'a log scale needs bounds > 0, not -1' }]);
  });

  it('passes version 1 through unchanged and copies rather than mutates', () => {
    const json = exampleLayoutJson();
    const result = migrateLayout(json);
    expect(result).toEqual({ ok: true, json, from: 1 });
    expect(result.ok && result.json).not.toBe(json);
  });

  it('formats errors one per line with their paths', () => {
    const text = formatLayoutErrors([{ path: 'tracks[1].x1', message: 'bad' }, { path: '', message: 'worse' }]);
    expect(text).toBe('tracks[1].x1: bad\n(layout): worse');
  });
});

function parseFail(result: ReturnType<typeof parseLayout>): LayoutError[] {
  if (result.ok) throw new Error('expected a failure');
  return result.errors;
}

describe('validateLayout on layouts built in code', () => {
  it('reports a missing depth spec instead of crashing', () => {
    const layout = { ...fullLayout(), depth: undefined } as unknown as Parameters<typeof validateLayout>[0];
    expect(validateLayout(layout)).toEqual([{ path: 'depth', message: 'missing the depth references {"unit", "refs"}' }]);
  });
});
