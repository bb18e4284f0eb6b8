/**
 * Comlink sends a thrown Error as {name, message, stack} and rebuilds a plain Error, losing our
 * typed fields. This handler keeps a DecodeError's kind and file name across the worker boundary.
 * Import it (for its side effect) in both the worker and the page.
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { DecodeError, isDecodeErrorData, type DecodeErrorData } from './decode/errors';

interface Thrown {
  value: unknown;
}

const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;

const typedThrow: TransferHandler<Thrown, unknown> = {
  canHandle: (v): v is Thrown => original.canHandle(v),
  serialize(thrown) {
    const v = thrown.value;
    if (v instanceof DecodeError) {
      const data: DecodeErrorData = { name: 'DecodeError', kind: v.kind, fileName: v.fileName, message: v.message };
      return [{ isError: true, value: data }, []];
    }
    return original.serialize(thrown);
  },
  deserialize(serialized) {
    const s = serialized as { isError?: boolean; value?: unknown };
    if (s?.isError && isDecodeErrorData(s.value)) throw new DecodeError(s.value.kind, s.value.fileName, s.value.message);
    return original.deserialize(serialized);
  },
};

transferHandlers.set('throw', typedThrow);
