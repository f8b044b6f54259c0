// "Certificates": names that appeared in certificates (Certificate Transparency) for the
// registered domain — often the first public trace of a new subdomain. Cert Spotter and crt.sh
// merged; a source that failed while the other answered is named under the names.
import { formatDay, formatNumber } from '@/utils/i18n/format';
import { plural, t, uiLocale } from '@/utils/i18n/messages';
import { askBackground } from '@/utils/messages/ask-background';
import { useSectionQuery } from './use-section-query';
import type { CertificatesReport, CertSourceOutcome } from '@/utils/history/handle-certificates';
import type { Section } from '@/utils/history/history-report';
import { visibleText } from '@/utils/text/visible-text';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const askCertificates = (input: string) => askBackground('lookupCertificates', { input });
const noAnswer = (): Section<CertificatesReport> => ({
  state: 'error',
  error: { kind: 'network', message: t('sources.backgroundSilent') },
});

export function useCertificates(input: string | null): Section<CertificatesReport> | null {
  return useSectionQuery(input, askCertificates, noAnswer());
}

/** `Cert Spotter and crt.sh`, in the user's language. */
const and = (words: string[]) => new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(words);

function SourceNote({ outcome }: { outcome: CertSourceOutcome }) {
  if (outcome.state === 'error')
    return (
      <p class="meta status-error" data-source={outcome.source}>
        {outcome.message}
      </p>
    );
  if (outcome.state === 'empty')
    return (
      <p class="meta" data-source={outcome.source}>
        {t('certificates.noneFrom', { source: outcome.source })}
      </p>
    );
  if (outcome.more)
    return (
      <p class="meta" data-source={outcome.source}>
        {t('certificates.more', { source: outcome.source })}
      </p>
    );
  return null;
}

export function CertificatesSection({ section }: { section: Section<CertificatesReport> | null }) {
  const answered = section?.state === 'ok' ? section.data.sources.filter((s) => s.state !== 'error') : [];
  return (
    <SourceSection
      name="certificates"
      title={t('certificates.title')}
      section={section}
      loadingText={t('certificates.asking')}
      emptyText={t('certificates.empty')}
    >
      {section?.state === 'ok' && (
        <>
          {section.data.names.length > 0 && (
            <ul class="observations">
              {section.data.names.map((c) => (
                <li key={c.name} data-observation={c.name} data-sources={c.sources.join(',')}>
                  <RecordValue text={c.name} />{' '}
                  <span class="meta">
                    {t('certificates.firstSeen', { date: formatDay(c.firstSeen) })} ·{' '}
                    {plural('certificates.count', c.certificates)}
                    {c.issuers.length > 0 && ` · ${visibleText(c.issuers.join(', '))}`} ·{' '}
                    {c.sources.join(' + ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {section.total > section.data.names.length && (
            <p class="meta">
              {plural('certificates.showingNames', section.total, {
                shown: formatNumber(section.data.names.length),
              })}
            </p>
          )}
          {section.data.sources.map((outcome) => (
            <SourceNote key={outcome.source} outcome={outcome} />
          ))}
          <p class="meta">{t('certificates.from', { sources: and(answered.map((s) => s.source)) })}</p>
        </>
      )}
    </SourceSection>
  );
}
