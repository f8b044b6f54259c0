// Wiring only: listeners are registered synchronously at start (MV3 workers are woken by the
// event itself), and each awaits the runtime's `ready` before answering.
import { handleLookup } from '@/utils/lookup/handle-lookup';
import { createLookupRuntime } from '@/utils/lookup/lookup-runtime';
import { onMessage } from '@/utils/messages/protocol';

export default defineBackground(() => {
  const runtime = createLookupRuntime();

  onMessage('lookupHost', async ({ data }) => {
    await runtime.ready;
    return handleLookup(data, runtime.ask);
  });
});
