// Chromium lets an extension close `storage.local` and `storage.sync` to content scripts;
// Firefox has no such call for them. The background asks where it can and never throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeStorageToPages } from '@/utils/storage/close-storage-to-pages';

type Closable = { setAccessLevel?: (options: unknown) => Promise<void> };
const area = (name: 'local' | 'sync') => fakeBrowser.storage[name] as unknown as Closable;

describe('closing storage to content scripts', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    delete area('local').setAccessLevel;
    delete area('sync').setAccessLevel;
    vi.restoreAllMocks();
  });

  it('asks Chromium for trusted contexts only, for local and sync', async () => {
    const local = vi.fn(async () => undefined);
    const sync = vi.fn(async () => undefined);
    area('local').setAccessLevel = local;
    area('sync').setAccessLevel = sync;
    await closeStorageToPages();
    expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(sync).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('calls nothing where the browser has no such call (Firefox)', async () => {
    expect(area('local').setAccessLevel).toBeUndefined();
    await expect(closeStorageToPages()).resolves.toBeUndefined();
  });

  it('logs a refusal and still closes the other area', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sync = vi.fn(async () => undefined);
    area('local').setAccessLevel = async () => {
      throw new Error('not allowed');
    };
    area('sync').setAccessLevel = sync;
    await expect(closeStorageToPages()).resolves.toBeUndefined();
    expect(sync).toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('storage.local'), expect.any(Error));
  });
});
