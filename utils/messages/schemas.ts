// zod schemas for every inbound message payload (background only).
import { z } from '../zod-jitless';
import type { ProtocolMap } from './protocol';

export const messageSchemas = {
  lookupHost: z.object({
    input: z.string().min(1).max(2048),
    fresh: z.boolean().optional(),
  }),
} satisfies { [K in keyof ProtocolMap]: z.ZodType<Parameters<ProtocolMap[K]>[0]> };
