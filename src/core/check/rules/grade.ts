/** Rule 9: the shown 评分等级 is the grade of the recomputed total (none when the weights do not add up to 100). */
import { rule } from './rule';

export const grade = rule('grade', ['GRADE_MISMATCH'], ({ table, figures, report }) => {
  if (figures.grade && figures.shownGrade && table.grade && figures.grade !== figures.shownGrade) {
    report('GRADE_MISMATCH', table.grade, { expected: figures.grade, found: figures.shownGrade });
  }
});
