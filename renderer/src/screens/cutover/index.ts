export { CutoverScreen } from './CutoverScreen';
export { BackEntryScreen } from './BackEntryScreen';
