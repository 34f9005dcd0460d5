export * from './transfer-file';
// the 振込指定日 and 振込日 rules read the national holidays (holiday_jp's data set): Node-side, like the file
export * from '../transfer-date';
