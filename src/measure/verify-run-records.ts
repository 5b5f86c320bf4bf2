import { createHmac, timingSafeEqual } from 'node:crypto';

/** The lines a run's pipe delivered, split into the authentic records and a count of the rest. */
export interface VerifiedRecords<T> {
  records: T[];
  /** Lines whose HMAC or sequence number did not check out (written by the measured code, or cut short by a kill). */
  rejected: number;
}

/** The signature of one record line, as child-scripts.ts computes it: HMAC-SHA256 of `seq \t json`. */
export function signRecord(key: string, sequence: number, json: string): string {
  return createHmac('sha256', key).update(`${sequence}\t${json}`).digest('hex');
}

/**
 * Keeps the lines of `text` (`seq \t json \t hmac`, see child-scripts.ts) signed with the run's
 * `key`, in increasing sequence order: the measured code shares the child process with the
 * recorder and can write to its pipe, but cannot sign (it never sees the key), nor replay a line
 * (it cannot read the pipe, and a sequence number is accepted once).
 */
export function verifyRunRecords<T>(text: string, key: string): VerifiedRecords<T> {
  const records: T[] = [];
  let rejected = 0;
  let lastSequence = -1;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const first = line.indexOf('\t');
    const last = line.lastIndexOf('\t');
    const sequence = Number(line.slice(0, first));
    const json = line.slice(first + 1, last);
    const signature = Buffer.from(line.slice(last + 1), 'utf8');
    const expected = Buffer.from(first > 0 && last > first && Number.isInteger(sequence) ? signRecord(key, sequence, json) : '', 'utf8');
    if (expected.length === 0 || signature.length !== expected.length || !timingSafeEqual(signature, expected) || sequence <= lastSequence) {
      rejected++;
      continue;
    }
    try {
      records.push(JSON.parse(json) as T);
      lastSequence = sequence;
    } catch {
      rejected++;
    }
  }
  return { records, rejected };
}
