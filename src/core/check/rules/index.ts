/**
 * The rules, in the order they run on a table (SPEC §3, §4). Each declares the codes it may raise; the
 * registry test checks that every SPEC code is raised by some rule and has every language's text.
 * UNRECOGNISED_REGION is raised by recognition, for a region of the sheet rather than a table.
 */
import type { FindingCode } from '../../findings';
import type { Rule } from './rule';
import { missingValues } from './missingValues';
import { executionRate } from './executionRate';
import { fundSplit } from './fundSplit';
import { indicatorScores } from './indicatorScores';
import { reasons } from './reasons';
import { weights } from './weights';
import { statedWeights } from './statedWeights';
import { level1Split } from './level1Split';
import { total } from './total';
import { grade } from './grade';
import { lowExecution } from './lowExecution';
import { actualNotNumber } from './actualNotNumber';
import { emptyIndicator } from './emptyIndicator';
import { level2Placement } from './level2Placement';
import { targetExceeded } from './targetExceeded';
import { shortfall } from './shortfall';
import { missingFields } from './missingFields';

export const TABLE_RULES: readonly Rule<FindingCode>[] = [
  missingValues,
  executionRate,
  fundSplit,
  indicatorScores,
  reasons,
  weights,
  statedWeights,
  level1Split,
  total,
  grade,
  lowExecution,
  actualNotNumber,
  emptyIndicator,
  level2Placement,
  targetExceeded,
  shortfall,
  missingFields,
];

/** Codes raised outside the table rules: a region recognition could not read. */
export const SHEET_CODES: readonly FindingCode[] = ['UNRECOGNISED_REGION'];
