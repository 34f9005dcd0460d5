export { formatJst, toJstIso, jstInputToInstant, jstWallClockToInstant, toJstWallClock, jstDayStart, jstNextDayStart } from './jst';
export { JstDateField } from './JstDateField';
export { JstDateTimeInput, jstDateTime } from './JstDateTimeInput';
export { YenField } from './YenField';
export { JsonField } from './JsonField';
export { AssumptionNote, AssumptionField, AssumptionChip } from './AssumptionNote';
export { CaveatNote } from './CaveatNote';
export { apiErrorMessage } from './apiErrorMessage';
export { EstimatedTotalPagination } from './EstimatedTotalPagination';
