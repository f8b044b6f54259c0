// zod, configured once for extension contexts: no `new Function` probe, which MV3's CSP forbids
// anyway and which Firefox's add-on linter reports as eval. Import `z` from here, not from 'zod'.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
