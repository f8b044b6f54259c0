// The detail view of one host: the popup shows it after "Look up", a tab shows it full size.
import { t } from '@/utils/i18n/messages';
import type { LookupState } from './use-host-lookup';
import { DnsSection, DnsSectionLoading } from './dns-section';
import { CertificatesSection, useCertificates } from './certificates-section';
import { HistorySections } from './history-sections';
import { HostHeading } from './host-heading';
import { PinButton } from './pin-button';
import { RegistrationSection, useRegistration } from './registration-section';
import { useHistoryLookup } from './use-history-lookup';

export function HostDetail({ state, onRefresh }: { state: LookupState; onRefresh: () => void }) {
  const history = useHistoryLookup(state.phase === 'idle' ? null : state.input);
  const registration = useRegistration(state.phase === 'idle' ? null : state.input);
  const certificates = useCertificates(state.phase === 'idle' ? null : state.input);
  if (state.phase === 'idle') return null;
  if (state.phase === 'loading') {
    return (
      <article class="host-detail" aria-live="polite">
        <p class="meta">{t('card.lookingUp', { input: state.input })}</p>
        <DnsSectionLoading />
      </article>
    );
  }
  const { response } = state;
  if (!response.ok) {
    return (
      <p class="input-error" role="alert">
        {response.message}
      </p>
    );
  }
  return (
    <article class="host-detail" aria-labelledby="host-title" aria-live="polite">
      <HostHeading host={response.report.host} />
      <DnsSection report={response.report} />
      <HistorySections response={history} dns={response.report} />
      <RegistrationSection section={registration} />
      <CertificatesSection section={certificates} />
      <p class="actions">
        <PinButton host={response.report.host.name} />{' '}
        <button type="button" onClick={onRefresh}>
          {t('card.refresh')}
        </button>
      </p>
    </article>
  );
}
