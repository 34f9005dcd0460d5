export { PostAwardTab } from './PostAwardTab';
