// The hover card: one host's live DNS beside the text, in the page's single shadow root.
// Buttons act only on real clicks (`isTrusted`): the shadow root is closed, so a page script
// can't reach them, but should it ever get hold of one, its click still pins nothing.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeHomograph, homographWarnings } from '@/utils/hosts/homograph';
import { toUnicodeName } from '@/utils/hosts/idn';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messages/protocol';
import { placeCard, type Box } from '@/utils/page/card-position';
import { visibleText } from '@/utils/text/visible-text';
import { inertLine } from '@/utils/text/one-line';
import { DnsSection, DnsSectionLoading } from './dns-section';
import { reportAsText } from './report-as-text';
import { CertificatesSection, useCertificates } from './certificates-section';
import { HistorySections } from './history-sections';
import { useHistoryLookup } from './use-history-lookup';
import { RegistrationSection, useRegistration } from './registration-section';
import { useHostLookup } from './use-host-lookup';

export interface HoverCardProps {
  host: string;
  anchor: Box;
  onClose: () => void;
}

export function HoverCard({ host, anchor, onClose }: HoverCardProps) {
  const { state, lookUp } = useHostLookup();
  const history = useHistoryLookup(host);
  const registration = useRegistration(host);
  const certificates = useCertificates(host);
  const [pinned, setPinned] = useState<boolean | null>(null);
  const [notice, setNotice] = useState('');
  const card = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const display = toUnicodeName(host);
  const warnings = homographWarnings(display);

  useEffect(() => {
    void lookUp(host);
    void sendMessage('isPinned', host).then(setPinned, () => setPinned(null));
  }, [host, lookUp]);

  // Measure, then place: never over the host, always inside the viewport.
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
    setPosition(
      placeCard(anchor, el.getBoundingClientRect(), { width: innerWidth, height: innerHeight }, rtl),
    );
  }, [anchor, state.phase]);

  const trusted = (event: Event) => event.isTrusted;
  const report = state.phase === 'done' && state.response.ok ? state.response.report : null;

  return (
    <div
      ref={card}
      class="card"
      role="dialog"
      aria-labelledby="hostlens-card-title"
      style={position ? { left: `${position.left}px`, top: `${position.top}px` } : { visibility: 'hidden' }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header class="card-header">
        <h2 id="hostlens-card-title">{visibleText(display)}</h2>
        <button
          type="button"
          class="close"
          aria-label={t('card.close')}
          onClick={(e) => trusted(e) && onClose()}
        >
          ×
        </button>
      </header>
      {display !== host && <p class="meta">{t('card.punycode', { host })}</p>}
      {report?.registrableDomain && report.registrableDomain !== host && (
        <p class="meta">{t('card.registeredDomain', { domain: toUnicodeName(report.registrableDomain) })}</p>
      )}
      {warnings.map((w) => (
        <p class="warning" role="note" key={w.label}>
          {t('card.lookAlike', { warning: visibleText(describeHomograph(w)) })}
        </p>
      ))}
      {state.phase === 'done' && !state.response.ok && (
        <p class="input-error" role="alert">
          {state.response.message}
        </p>
      )}
      {report ? <DnsSection report={report} /> : state.phase !== 'done' && <DnsSectionLoading />}
      <HistorySections response={history} dns={report} />
      <RegistrationSection section={registration} />
      <CertificatesSection section={certificates} />
      <footer class="card-actions">
        <button
          type="button"
          disabled={pinned === null}
          onClick={(e) => {
            if (!trusted(e) || pinned === null) return;
            // A card in a page may add the host it shows; removing it (and the history kept
            // for it) is done in Hostlens's own pages, which a page can never script.
            if (pinned) void sendMessage('openDetails', host);
            else
              void sendMessage('pinHost', host).then(
                (now) => setPinned(now),
                () => setNotice(t('common.couldNotChangeWatchlist')),
              );
          }}
        >
          {pinned ? t('card.pinnedManage') : t('card.pin')}
        </button>
        <button
          type="button"
          onClick={(e) => {
            if (!trusted(e)) return;
            const text = report ? reportAsText(report) : inertLine(display);
            navigator.clipboard.writeText(text).then(
              () => setNotice(t('card.copied')),
              () => setNotice(t('card.copyRefused')),
            );
          }}
        >
          {t('card.copy')}
        </button>
        <button type="button" onClick={(e) => trusted(e) && void sendMessage('openDetails', host)}>
          {t('card.openDetails')}
        </button>
        <span class="meta" role="status">
          {notice}
        </span>
      </footer>
    </div>
  );
}
