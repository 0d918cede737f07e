export { BOUND_TOLERANCE, atLeast, atMost } from "./tolerance";
export { validateGradeScheme } from "./validateScheme";
export { gradeOf } from "./gradeOf";
export { rescale, hundredToFivePoint } from "./rescale";
export { parseBandTable } from "./parseBandTable";
