// Guarded pool threads load the TypeScript sources through tsx: loader hooks are not inherited by workers.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./guarded-worker.ts');
export default work;
