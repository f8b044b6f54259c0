// "Certificates": names that appeared in certificates (Certificate Transparency) for the
// registered domain — often the first public trace of a new subdomain. Cert Spotter and crt.sh
// merged; a source that failed while the other answered is named under the names.
import { askBackground } from '@/utils/messages/ask-background';
import { useSectionQuery } from './use-section-query';
import type { CertificatesReport, CertSourceOutcome } from '@/utils/history/handle-certificates';
import type { Section } from '@/utils/history/history-report';
import { visibleText } from '@/utils/text/visible-text';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const askCertificates = (input: string) => askBackground('lookupCertificates', { input });
const NO_ANSWER: Section<CertificatesReport> = {
  state: 'error',
  error: { kind: 'network', message: 'Hostlens’s background did not answer.' },
};

export function useCertificates(input: string | null): Section<CertificatesReport> | null {
  return useSectionQuery(input, askCertificates, NO_ANSWER);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const and = (words: string[]) =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

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
        {outcome.source}: no unexpired certificates.
      </p>
    );
  if (outcome.more)
    return (
      <p class="meta" data-source={outcome.source}>
        {outcome.source} has more certificates than Hostlens read.
      </p>
    );
  return null;
}

export function CertificatesSection({ section }: { section: Section<CertificatesReport> | null }) {
  const answered = section?.state === 'ok' ? section.data.sources.filter((s) => s.state !== 'error') : [];
  return (
    <SourceSection
      name="certificates"
      title="Certificates (Certificate Transparency)"
      section={section}
      loadingText="Asking Certificate Transparency (Cert Spotter, crt.sh)…"
      emptyText="No unexpired certificates logged for this domain."
    >
      {section?.state === 'ok' && (
        <>
          {section.data.names.length > 0 && (
            <ul class="observations">
              {section.data.names.map((c) => (
                <li key={c.name} data-observation={c.name} data-sources={c.sources.join(',')}>
                  <RecordValue text={c.name} />{' '}
                  <span class="meta">
                    first in a certificate {day(c.firstSeen)} · {c.certificates} cert
                    {c.certificates === 1 ? '' : 's'}
                    {c.issuers.length > 0 && ` · ${visibleText(c.issuers.join(', '))}`} ·{' '}
                    {c.sources.join(' + ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {section.total > section.data.names.length && (
            <p class="meta">
              Showing {section.data.names.length} of {section.total} names.
            </p>
          )}
          {section.data.sources.map((outcome) => (
            <SourceNote key={outcome.source} outcome={outcome} />
          ))}
          <p class="meta">From {and(answered.map((s) => s.source))}; expired certificates are not listed.</p>
        </>
      )}
    </SourceSection>
  );
}
