// "Certificates": names that appeared in certificates (Certificate Transparency) for the
// registered domain — often the first public trace of a new subdomain.
import { useSectionQuery } from './use-section-query';
import type { CertName } from '@/utils/history/certspotter';
import type { Section } from '@/utils/history/history-report';
import { sendMessage } from '@/utils/messages/protocol';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const askCertificates = (input: string) => sendMessage('lookupCertificates', { input });
const NO_ANSWER: Section<CertName[]> = {
  state: 'error',
  error: { kind: 'network', message: 'Hostlens’s background did not answer.' },
};

export function useCertificates(input: string | null): Section<CertName[]> | null {
  return useSectionQuery(input, askCertificates, NO_ANSWER);
}

export function CertificatesSection({ section }: { section: Section<CertName[]> | null }) {
  return (
    <SourceSection
      name="certificates"
      title="Certificates (Certificate Transparency)"
      section={section}
      loadingText="Asking Cert Spotter…"
      emptyText="No unexpired certificates logged for this domain."
    >
      {section?.state === 'ok' && (
        <>
          <ul class="observations">
            {section.data.map((c) => (
              <li key={c.name} data-observation={c.name}>
                <RecordValue text={c.name} />{' '}
                <span class="meta">
                  first in a certificate {new Date(c.firstSeen).toISOString().slice(0, 10)} · {c.certificates}{' '}
                  cert
                  {c.certificates === 1 ? '' : 's'}
                  {c.issuers.length > 0 && ` · ${c.issuers.join(', ')}`}
                </span>
              </li>
            ))}
          </ul>
          {section.total > section.data.length && (
            <p class="meta">
              Showing {section.data.length} of {section.total} names.
            </p>
          )}
          <p class="meta">From Cert Spotter; expired certificates are not listed.</p>
        </>
      )}
    </SourceSection>
  );
}
