import { encoder } from './tokens';

export interface Budget {
  limit: number;
  used: number;
}

export function spend(budget: Budget, text: string): Budget {
  const used = budget.used + encoder.encode(text).length;
  if (used > budget.limit) {
    throw new RangeError(`token budget exceeded: ${used} > ${budget.limit}`);
  }
  return { ...budget, used };
}
