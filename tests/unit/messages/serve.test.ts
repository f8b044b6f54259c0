// Who may send what: the table covers every message, and `serve` refuses a message its sender
// may not send with one recognisable error, before the handler runs. Messages go through the
// real @webext-core/messaging listener, on a stand-in for `chrome.runtime.onMessage`.
import { beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { MESSAGE_SENDERS, refusalMessage, type ProtocolMap, type Sender } from '@/utils/messages/protocol';
import { messageSchemas } from '@/utils/messages/schemas';

type Reply = { res?: unknown; err?: { message?: string } };
type Listener = (message: unknown, sender: unknown, respond: (reply: Reply) => void) => boolean;
const listeners: Listener[] = [];
(globalThis as { chrome?: unknown }).chrome = {
  runtime: { onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener() {} } },
};

/** Delivers one message as Chrome would and resolves to what the sender gets back. */
function deliver(type: string, data: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => {
    const async = listeners.map((l) => l({ id: 1, type, data, timestamp: Date.now() }, sender, resolve));
    if (!async.some(Boolean)) resolve({});
  });
}

const contentScript = () => ({
  id: browser.runtime.id,
  url: 'https://news.example-paper.com/story.html',
  tab: { id: 7 },
  frameId: 0,
});
const extensionPage = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/watchlist.html') });

describe('message senders', () => {
  const handled = vi.fn((type: string) => `answer to ${type}`);

  beforeAll(async () => {
    const { serve, refuseBackgroundOnly } = await import('@/utils/messages/serve');
    for (const type of Object.keys(MESSAGE_SENDERS) as (keyof ProtocolMap)[])
      if (MESSAGE_SENDERS[type] !== 'background') serve(type, (() => handled(type)) as never);
    refuseBackgroundOnly();
  });

  it('the table names a sender for every message, and only for messages', () => {
    expectTypeOf<keyof typeof MESSAGE_SENDERS>().toEqualTypeOf<keyof ProtocolMap>();
    expectTypeOf(MESSAGE_SENDERS).toExtend<Record<keyof ProtocolMap, Sender>>();
    // Every message also has its schema, checked on receipt.
    expect(Object.keys(MESSAGE_SENDERS).sort()).toEqual(Object.keys(messageSchemas).sort());
  });

  it.each(Object.entries(MESSAGE_SENDERS))('%s (%s) from a content script', async (type, sender) => {
    handled.mockClear();
    const reply = await deliver(type, undefined, contentScript());
    if (sender === 'contentScript') {
      expect(reply).toEqual({ res: `answer to ${type}` });
      expect(handled).toHaveBeenCalledWith(type);
    } else {
      expect(reply.res).toBeUndefined();
      expect(reply.err?.message).toBe(refusalMessage(type, 'a content script'));
      expect(handled).not.toHaveBeenCalled();
    }
  });

  it.each(Object.entries(MESSAGE_SENDERS))('%s (%s) from an extension page', async (type, sender) => {
    handled.mockClear();
    const reply = await deliver(type, undefined, extensionPage());
    if (sender === 'background') {
      expect(reply.err?.message).toBe(refusalMessage(type, 'an extension page'));
    } else {
      expect(reply).toEqual({ res: `answer to ${type}` });
      expect(handled).toHaveBeenCalledWith(type);
    }
  });

  it('another extension, or a page pretending to be one, is no extension page', async () => {
    const forged = [
      { id: 'another-extension', url: browser.runtime.getURL('/popup.html') },
      { id: browser.runtime.id, url: `https://evil.example/${browser.runtime.getURL('/popup.html')}` },
      { id: browser.runtime.id },
      {},
    ];
    for (const sender of forged)
      expect((await deliver('clearAllData', undefined, sender)).err?.message).toBe(
        refusalMessage('clearAllData', 'a content script'),
      );
  });
});
