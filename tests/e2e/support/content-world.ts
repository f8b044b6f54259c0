// The content script's own world in a tab, reached through the DevTools protocol: what a
// compromised or impersonated content script could send or do, done the way ours would.
import type { CDPSession, Page } from 'playwright-core';

export interface ContentWorld {
  /** Sends one message the way @webext-core/messaging does; resolves to its `{res}` or `{err}`. */
  send(type: string, data?: unknown): Promise<{ res?: unknown; err?: unknown }>;
  /** Runs `expression` there (awaiting a promise) and returns its value; a throw or rejection rejects. */
  evaluate(expression: string): Promise<unknown>;
}

/** The extension's isolated world of `tab` (where its content script lives). */
export async function contentScriptWorld(tab: Page, extensionId: string): Promise<ContentWorld> {
  const cdp: CDPSession = await tab.context().newCDPSession(tab);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = () =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  const deadline = Date.now() + 10_000;
  while (!world() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!world()) throw new Error('no content-script world in the tab');
  const evaluate = async (expression: string): Promise<unknown> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world()!.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  return {
    evaluate,
    async send(type, data) {
      const message = JSON.stringify({
        id: Math.floor(Math.random() * 1e6),
        type,
        data,
        timestamp: Date.now(),
      });
      return ((await evaluate(`chrome.runtime.sendMessage(${message})`)) ?? {}) as {
        res?: unknown;
        err?: unknown;
      };
    },
  };
}

/** Sends messages from the extension's isolated world of `tab`; see `ContentWorld.send`. */
export async function inContentScript(tab: Page, extensionId: string): Promise<ContentWorld['send']> {
  return (await contentScriptWorld(tab, extensionId)).send;
}
