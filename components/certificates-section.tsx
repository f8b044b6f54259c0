// "Certificates": names that appeared in certificates (Certificate Transparency) for the
// registered domain — often the first public trace of a new subdomain.
import { useSectionQuery } from './use-section-query';
import type { CertName } from '@/utils/history/certspotter';
import type { Section } from '@/utils/history/history-report';
import { sendMessage } from '@/utils/messages/protocol';
import { RecordValue } from './record-value';

const askCertificates = (input: string) => sendMessage('lookupCertificates', { input });
const NO_ANSWER: Section<CertName[]> = {
  state: 'error',
  error: { kind: 'network', message: 'Hostlens’s background did not answer.' },
};

export function useCertificates(input: string | null): Section<CertName[]> | null {
  return useSectionQuery(input, askCertificates, NO_ANSWER);
}

export function CertificatesSection({ section }: { section: Section<CertName[]> | null }) {
  const state = section?.state ?? 'loading';
  return (
    <section
      class="section"
      data-section="certificates"
      data-state={state}
      aria-labelledby="certificates-heading"
      aria-busy={state === 'loading'}
    >
      <h3 id="certificates-heading">Certificates (Certificate Transparency)</h3>
      {!section && <p class="status">Asking Cert Spotter…</p>}
      {section?.state === 'error' && <p class="status status-error">{section.error.message}</p>}
      {section?.state === 'disabled' && <p class="meta">{section.message}</p>}
      {section?.state === 'empty' && <p class="meta">No unexpired certificates logged for this domain.</p>}
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
    </section>
  );
}
