/** A funds row as both funds readers build it: each meaning's cell, wherever the reader finds it. */
import type { Field, FundsRow } from '../table';
import type { FundsMeaning } from './vocabulary';

export function fundsRowOf(row: number, label: string, at: (meaning: FundsMeaning) => Field | undefined): FundsRow {
  return {
    row,
    label,
    initial: at('initial'),
    budget: at('budget'),
    executed: at('executed'),
    weight: at('weight'),
    rate: at('rate'),
    score: at('score'),
    reason: at('reason'),
  };
}
