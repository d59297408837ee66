export * from './types';
export { APPENDIX_B } from './appendixB';
export { RubricError, validateRubric } from './validateRubric';
export * from './lookup';
