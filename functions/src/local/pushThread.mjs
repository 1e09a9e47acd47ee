// A worker thread starts without its parent's TypeScript loader: register tsx here, then run the thread.
import { register } from 'tsx/esm/api';

register();
await import('./pushThread.ts');
