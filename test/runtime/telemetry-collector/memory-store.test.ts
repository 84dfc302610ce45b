import { MemoryStore } from '../../../lib/runtime/telemetry-collector/memory-store';
import { storeContract } from './store-contract';

describe('MemoryStore', () => {
  const store = new MemoryStore();
  storeContract(() => store);
});
