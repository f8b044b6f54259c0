// "Registration": who registered the domain through whom, and when (RDAP).
import { useSectionQuery } from './use-section-query';
import type { Section } from '@/utils/history/history-report';
import type { Registration } from '@/utils/history/rdap';
import { sendMessage } from '@/utils/messages/protocol';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const day = (ms: number | undefined) =>
  ms === undefined ? 'not given' : new Date(ms).toISOString().slice(0, 10);
/** A domain younger than this is flagged: fresh registrations are typical of phishing and fakes. */
const YOUNG_DAYS = 90;

const askRegistration = (input: string) => sendMessage('lookupRegistration', { input });
const NO_ANSWER: Section<Registration> = {
  state: 'error',
  error: { kind: 'network', message: 'Hostlens’s background did not answer.' },
};

export function useRegistration(input: string | null): Section<Registration> | null {
  return useSectionQuery(input, askRegistration, NO_ANSWER);
}

export function RegistrationSection({ section }: { section: Section<Registration> | null }) {
  const r = section?.state === 'ok' ? section.data : null;
  const ageDays = r?.created !== undefined ? Math.floor((Date.now() - r.created) / 86_400_000) : null;
  return (
    <SourceSection
      name="registration"
      title="Registration (RDAP)"
      section={section}
      loadingText="Asking the registry…"
      emptyText="The registry has no record of this domain (not registered, or unknown to it)."
    >
      {r && (
        <>
          {ageDays !== null && ageDays < YOUNG_DAYS && (
            <p class="warning" role="note">
              ⚠ Registered {ageDays} days ago.
            </p>
          )}
          <dl class="registration">
            <dt>Domain</dt>
            <dd>{r.domain}</dd>
            <dt>Created</dt>
            <dd data-field="created">{day(r.created)}</dd>
            <dt>Updated</dt>
            <dd>{day(r.updated)}</dd>
            <dt>Expires</dt>
            <dd>{day(r.expires)}</dd>
            <dt>Registrar</dt>
            <dd data-field="registrar">{r.registrar ? <RecordValue text={r.registrar} /> : 'not given'}</dd>
            <dt>Status</dt>
            <dd>{r.statuses.length ? <RecordValue text={r.statuses.join(', ')} /> : 'not given'}</dd>
            <dt>Name servers</dt>
            <dd>{r.nameservers.length ? <RecordValue text={r.nameservers.join(', ')} /> : 'not given'}</dd>
            <dt>DNSSEC</dt>
            <dd>
              {r.delegationSigned === undefined
                ? 'not given'
                : r.delegationSigned
                  ? 'signed delegation'
                  : 'not signed'}
            </dd>
          </dl>
          <p class="meta">From {r.server}.</p>
        </>
      )}
    </SourceSection>
  );
}
