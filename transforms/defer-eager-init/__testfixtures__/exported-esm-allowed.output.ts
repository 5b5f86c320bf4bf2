import { getEncoding } from 'js-tiktoken';

// lazify: built on first use instead of at import.
const createEncoder = () => getEncoding('cl100k_base');

let encoderValue: ReturnType<typeof createEncoder> | undefined;

export function getEncoder(): ReturnType<typeof createEncoder> {
  return (encoderValue ??= createEncoder());
}
