/**
 * The model card (docs/model-card.md): what the engine needs to run a model correctly. Parsing checks
 * every field the engine relies on and says which one is wrong, so a bad card fails at load time with
 * a message instead of producing a garbage mask later.
 */
import { SegmentError } from './errors';

export interface ModelCard {
  format: 'tracewell-model-card/1';
  /** "sha256:<hex>" of the .onnx bytes */
  id: string;
  name: string;
  file: string;
  task: 'multiclass' | 'binary';
  classes: string[];
  /** class indices whose softmax sum is the curve probability */
  curveClasses: number[];
  input: { name: string; channels: 1; multipleOf: number };
  output: { name: string };
  /** tile side and overlap (context on each side) in px, both multiples of input.multipleOf */
  tile: { size: number; overlap: number };
  /** multiply-accumulates per input pixel (for GFLOP/s figures); 0 when unknown */
  macsPerPixel: number;
}

/** The models the app ships: public/models/index.json. */
export interface ModelIndex {
  default: string;
  models: string[];
}

function fail(where: string, what: string): never {
  throw new SegmentError('model-corrupt', `model card ${where}: ${what}`);
}

function isPosInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

function field(obj: Record<string, unknown>, key: string, where: string): Record<string, unknown> {
  const v = obj[key];
  if (typeof v !== 'object' || v === null) fail(where, `"${key}" is missing or not an object`);
  return v as Record<string, unknown>;
}

function text(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') fail(where, `"${key}" is missing or not a string`);
  return v;
}

/** Validates a parsed card JSON; `where` names the file in messages. */
export function parseModelCard(json: unknown, where = '(card)'): ModelCard {
  if (typeof json !== 'object' || json === null) fail(where, 'is not a JSON object');
  const o = json as Record<string, unknown>;
  if (o.format !== 'tracewell-model-card/1') fail(where, `unknown format ${JSON.stringify(o.format)}`);
  const task = o.task;
  if (task !== 'multiclass' && task !== 'binary') fail(where, `unknown task ${JSON.stringify(task)}`);
  const classes = o.classes;
  if (!Array.isArray(classes) || classes.length < 2 || !classes.every((c) => typeof c === 'string'))
    fail(where, '"classes" must list at least two class names');
  const curve = o.curveClasses;
  if (!Array.isArray(curve) || curve.length === 0 || !curve.every((c) => Number.isInteger(c) && c >= 0 && c < classes.length))
    fail(where, '"curveClasses" must be class indices');
  const input = field(o, 'input', where);
  const multipleOf = input.multipleOf;
  if (!isPosInt(multipleOf)) fail(where, '"input.multipleOf" must be a positive integer');
  if (input.channels !== 1) fail(where, `"input.channels" is ${String(input.channels)}; the engine feeds grayscale (1)`);
  const tile = field(o, 'tile', where);
  const size = tile.size;
  const overlap = tile.overlap;
  if (!isPosInt(size) || size % multipleOf !== 0) fail(where, `"tile.size" must be a positive multiple of ${multipleOf}`);
  if (typeof overlap !== 'number' || overlap < 0 || overlap % multipleOf !== 0)
    fail(where, `"tile.overlap" must be a non-negative multiple of ${multipleOf}`);
  if (size - 2 * overlap < multipleOf) fail(where, `"tile.size" ${size} leaves no centre after an overlap of ${overlap} on each side`);
  const macs = o.macsPerPixel;
  return {
    format: 'tracewell-model-card/1',
    id: text(o, 'id', where),
    name: text(o, 'name', where),
    file: text(o, 'file', where),
    task,
    classes: classes as string[],
    curveClasses: curve as number[],
    input: { name: text(input, 'name', where), channels: 1, multipleOf },
    output: { name: text(field(o, 'output', where), 'name', where) },
    tile: { size, overlap },
    macsPerPixel: typeof macs === 'number' && macs > 0 ? macs : 0,
  };
}

export function parseModelIndex(json: unknown, where = 'models/index.json'): ModelIndex {
  const o = json as Partial<ModelIndex> | null;
  if (!o || typeof o.default !== 'string' || !Array.isArray(o.models) || !o.models.includes(o.default))
    throw new SegmentError('model-corrupt', `${where}: expected {"default": name, "models": [names including the default]}`);
  return { default: o.default, models: o.models };
}
