import { describeAuthStoreConformance } from './auth-store.case.js';
import { MemoryAuthStore } from './memory-auth-store.js';

describeAuthStoreConformance('MemoryAuthStore', () => Promise.resolve(new MemoryAuthStore()));
