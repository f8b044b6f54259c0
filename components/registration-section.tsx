// "Registration": who registered the domain through whom, and when; for an IP address, the
// regional registry's network it belongs to (RDAP). Every value is registry text, shown inert.
import { askBackground } from '@/utils/messages/ask-background';
import { useSectionQuery } from './use-section-query';
import type { Section } from '@/utils/history/history-report';
import type { IpRegistration, RdapRecord, Registration } from '@/utils/history/rdap';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const day = (ms: number | undefined) =>
  ms === undefined ? 'not given' : new Date(ms).toISOString().slice(0, 10);
/**
 * A domain younger than this is flagged: fresh registrations are typical of phishing and fakes,
 * and most are used within weeks; 90 days also matches the window several registries and
 * blocklists treat as "newly registered".
 */
const YOUNG_DAYS = 90;

const askRegistration = (input: string) => askBackground('lookupRegistration', { input });
const NO_ANSWER: Section<RdapRecord> = {
  state: 'error',
  error: { kind: 'network', message: 'Hostlens’s background did not answer.' },
};

export function useRegistration(input: string | null): Section<RdapRecord> | null {
  return useSectionQuery(input, askRegistration, NO_ANSWER);
}

const orNotGiven = (value: string | undefined) => (value ? <RecordValue text={value} /> : 'not given');
const list = (values: string[]) => (values.length ? <RecordValue text={values.join(', ')} /> : 'not given');

function youngFlag(created: number | undefined) {
  if (created === undefined) return null;
  const days = Math.floor((Date.now() - created) / 86_400_000);
  if (days < 0 || days >= YOUNG_DAYS) return null;
  return (
    <p class="warning" role="note">
      ⚠ Registered {days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`}.
    </p>
  );
}

function DomainRegistration({ r }: { r: Registration }) {
  return (
    <>
      {youngFlag(r.created)}
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
        <dd data-field="registrar">{orNotGiven(r.registrar)}</dd>
        <dt>Status</dt>
        <dd>{list(r.statuses)}</dd>
        <dt>Name servers</dt>
        <dd>{list(r.nameservers)}</dd>
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
  );
}

function IpNetwork({ r }: { r: IpRegistration }) {
  const range = r.startAddress && r.endAddress ? `${r.startAddress} – ${r.endAddress}` : r.cidrs[0];
  const cidrs = range && r.cidrs.length && !range.includes('/') ? ` (${r.cidrs.join(', ')})` : '';
  return (
    <>
      <dl class="registration">
        <dt>Address</dt>
        <dd>{r.address}</dd>
        <dt>Network</dt>
        <dd data-field="network">{orNotGiven(r.name)}</dd>
        <dt>Range</dt>
        <dd data-field="range">{range ? `${range}${cidrs}` : 'not given'}</dd>
        <dt>Handle</dt>
        <dd>{orNotGiven(r.handle)}</dd>
        <dt>Type</dt>
        <dd>{orNotGiven(r.type)}</dd>
        <dt>Holder</dt>
        <dd data-field="registrant">{orNotGiven(r.registrant)}</dd>
        <dt>Country</dt>
        <dd>{r.country ?? 'not given'}</dd>
        <dt>Status</dt>
        <dd>{list(r.statuses)}</dd>
        <dt>Abuse contact</dt>
        <dd data-field="abuse">{orNotGiven(r.abuseEmail)}</dd>
        <dt>Registered</dt>
        <dd data-field="registered">{day(r.registered)}</dd>
        <dt>Updated</dt>
        <dd>{day(r.updated)}</dd>
      </dl>
      <p class="meta" data-field="server">
        From {r.registry ? `${r.registry} (${r.server})` : r.server}.
      </p>
    </>
  );
}

export function RegistrationSection({ section }: { section: Section<RdapRecord> | null }) {
  const r = section?.state === 'ok' ? section.data : null;
  return (
    <SourceSection
      name="registration"
      title="Registration (RDAP)"
      section={section}
      loadingText="Asking the registry…"
      emptyText="The registry has no record of this name or address (not registered, or unknown to it)."
    >
      {r && ('domain' in r ? <DomainRegistration r={r} /> : <IpNetwork r={r} />)}
    </SourceSection>
  );
}
