// zod schemas for every inbound message payload (background only).
import { normalizeHost } from '../hosts/host';
import { z } from '../zod-jitless';

/** Most distinct hosts one page may report; a hostile page can generate any number. */
export const MAX_PAGE_HOSTS = 10_000;
import type { ProtocolMap } from './protocol';

export const messageSchemas = {
  lookupHost: z.object({
    input: z.string().min(1).max(2048),
    fresh: z.boolean().optional(),
  }),
  reportPageHosts: z
    .array(
      z.object({
        // Already normalized by the detector: anything else did not come from it.
        host: z
          .string()
          .max(253)
          .refine((host) => normalizeHost(host)?.name === host, 'not a normalized host'),
        kind: z.enum(['domain', 'ipv4', 'ipv6']),
        count: z.number().int().min(1).max(1_000_000),
        context: z.string().max(400),
      }),
    )
    .max(MAX_PAGE_HOSTS),
} satisfies { [K in keyof ProtocolMap]: z.ZodType<Parameters<ProtocolMap[K]>[0]> };
