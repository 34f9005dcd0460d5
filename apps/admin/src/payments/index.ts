export { BankAccountTab } from './BankAccountTab';
