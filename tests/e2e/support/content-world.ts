// The content script's own world in a tab, reached through the DevTools protocol: what a
// compromised or impersonated content script could send, sent the way ours does.
import type { CDPSession, Page } from 'playwright-core';

/** Runs `expression` in the extension's isolated world of `tab` (where its content script lives). */
export async function inContentScript(tab: Page, extensionId: string) {
  const cdp: CDPSession = await tab.context().newCDPSession(tab);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = () =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  const deadline = Date.now() + 10_000;
  while (!world() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!world()) throw new Error('no content-script world in the tab');
  /** Sends one message the way @webext-core/messaging does; resolves to its `{res}` or `{err}`. */
  return async (type: string, data?: unknown): Promise<{ res?: unknown; err?: unknown }> => {
    const message = JSON.stringify({
      id: Math.floor(Math.random() * 1e6),
      type,
      data,
      timestamp: Date.now(),
    });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world()!.id,
      expression: `chrome.runtime.sendMessage(${message})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return (result.value ?? {}) as { res?: unknown; err?: unknown };
  };
}
