// The one place the background checks who sent a message: every handler is registered through
// `serve`, which looks the message up in `MESSAGE_SENDERS` and throws the refusal before the
// handler sees a refused message. @webext-core/messaging hands a thrown error to the caller,
// whose `sendMessage` rejects with it: "refused" never looks like an empty answer.
import { MESSAGE_SENDERS, onMessage, refusalMessage, type ProtocolMap } from './protocol';
import { isExtensionPage, type MessageSender } from './sender';

type Handler<K extends keyof ProtocolMap> = Parameters<typeof onMessage<K>>[1];

/** Throws the refusal when `sender` may not send `type`. */
export function checkSender(type: keyof ProtocolMap, sender: MessageSender | undefined): void {
  const fromPage = isExtensionPage(sender);
  const allowed =
    MESSAGE_SENDERS[type] === 'contentScript' || (MESSAGE_SENDERS[type] === 'extensionPage' && fromPage);
  if (!allowed) throw new Error(refusalMessage(type, fromPage ? 'an extension page' : 'a content script'));
}

/** Registers the background's handler of `type`, called only for senders the table allows. */
export function serve<K extends keyof ProtocolMap>(type: K, handler: Handler<K>): void {
  onMessage(type, (message) => {
    checkSender(type, message.sender);
    return handler(message);
  });
}

/**
 * Messages only the background sends (to a tab) are never served by it; one sent to it anyway
 * gets the same refusal rather than silence.
 */
export function refuseBackgroundOnly(): void {
  for (const [type, sender] of Object.entries(MESSAGE_SENDERS) as [keyof ProtocolMap, string][])
    if (sender === 'background') onMessage(type, ({ sender: from }) => checkSender(type, from));
}
