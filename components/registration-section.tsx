// "Registration": who registered the domain through whom, and when; for an IP address, the
// regional registry's network it belongs to (RDAP). Every value is registry text, shown inert.
// An answer that came over plain http (a registry without https) says so above the data.
import { formatDay } from '@/utils/i18n/format';
import { plural, t } from '@/utils/i18n/messages';
import { askBackground } from '@/utils/messages/ask-background';
import { useSectionQuery } from './use-section-query';
import type { Section } from '@/utils/history/history-report';
import type { IpRegistration, Registration } from '@/utils/history/rdap';
import type { RdapFinding } from '@/utils/history/rdap-client';
import { RecordValue } from './record-value';
import { SourceSection } from './source-section';

const day = (ms: number | undefined) => (ms === undefined ? t('registration.notGiven') : formatDay(ms));
/**
 * A domain younger than this is flagged: fresh registrations are typical of phishing and fakes,
 * and most are used within weeks; 90 days also matches the window several registries and
 * blocklists treat as "newly registered".
 */
const YOUNG_DAYS = 90;

const askRegistration = (input: string) => askBackground('lookupRegistration', { input });
const noAnswer = (): Section<RdapFinding> => ({
  state: 'error',
  error: { kind: 'network', message: t('sources.backgroundSilent') },
});

export function useRegistration(input: string | null): Section<RdapFinding> | null {
  return useSectionQuery(input, askRegistration, noAnswer());
}

const orNotGiven = (value: string | undefined) =>
  value ? <RecordValue text={value} /> : t('registration.notGiven');
const list = (values: string[]) =>
  values.length ? <RecordValue text={values.join(', ')} /> : t('registration.notGiven');

function youngFlag(created: number | undefined) {
  if (created === undefined) return null;
  const days = Math.floor((Date.now() - created) / 86_400_000);
  if (days < 0 || days >= YOUNG_DAYS) return null;
  return (
    <p class="warning" role="note">
      {days === 0 ? t('registration.registeredToday') : plural('registration.registeredDaysAgo', days)}
    </p>
  );
}

function DomainRegistration({ r }: { r: Registration }) {
  return (
    <>
      {youngFlag(r.created)}
      <dl class="registration">
        <dt>{t('registration.field.domain')}</dt>
        <dd>{r.domain}</dd>
        <dt>{t('registration.field.created')}</dt>
        <dd data-field="created">{day(r.created)}</dd>
        <dt>{t('registration.field.updated')}</dt>
        <dd>{day(r.updated)}</dd>
        <dt>{t('registration.field.expires')}</dt>
        <dd>{day(r.expires)}</dd>
        <dt>{t('registration.field.registrar')}</dt>
        <dd data-field="registrar">{orNotGiven(r.registrar)}</dd>
        <dt>{t('registration.field.status')}</dt>
        <dd>{list(r.statuses)}</dd>
        <dt>{t('registration.field.nameServers')}</dt>
        <dd>{list(r.nameservers)}</dd>
        <dt>{t('registration.field.dnssec')}</dt>
        <dd>
          {r.delegationSigned === undefined
            ? t('registration.notGiven')
            : r.delegationSigned
              ? t('registration.signedDelegation')
              : t('registration.notSigned')}
        </dd>
      </dl>
      <p class="meta">{t('registration.from', { server: r.server })}</p>
    </>
  );
}

function IpNetwork({ r }: { r: IpRegistration }) {
  const range = r.startAddress && r.endAddress ? `${r.startAddress} – ${r.endAddress}` : r.cidrs[0];
  const cidrs = range && r.cidrs.length && !range.includes('/') ? ` (${r.cidrs.join(', ')})` : '';
  return (
    <>
      <dl class="registration">
        <dt>{t('registration.field.address')}</dt>
        <dd>{r.address}</dd>
        <dt>{t('registration.field.network')}</dt>
        <dd data-field="network">{orNotGiven(r.name)}</dd>
        <dt>{t('registration.field.range')}</dt>
        <dd data-field="range">{range ? `${range}${cidrs}` : t('registration.notGiven')}</dd>
        <dt>{t('registration.field.handle')}</dt>
        <dd>{orNotGiven(r.handle)}</dd>
        <dt>{t('registration.field.type')}</dt>
        <dd>{orNotGiven(r.type)}</dd>
        <dt>{t('registration.field.holder')}</dt>
        <dd data-field="registrant">{orNotGiven(r.registrant)}</dd>
        <dt>{t('registration.field.country')}</dt>
        <dd>{r.country ?? t('registration.notGiven')}</dd>
        <dt>{t('registration.field.status')}</dt>
        <dd>{list(r.statuses)}</dd>
        <dt>{t('registration.field.abuseContact')}</dt>
        <dd data-field="abuse">{orNotGiven(r.abuseEmail)}</dd>
        <dt>{t('registration.field.registered')}</dt>
        <dd data-field="registered">{day(r.registered)}</dd>
        <dt>{t('registration.field.updated')}</dt>
        <dd>{day(r.updated)}</dd>
      </dl>
      <p class="meta" data-field="server">
        {r.registry
          ? t('registration.fromRegistry', { registry: r.registry, server: r.server })
          : t('registration.from', { server: r.server })}
      </p>
    </>
  );
}

export function RegistrationSection({ section }: { section: Section<RdapFinding> | null }) {
  const r = section?.state === 'ok' ? section.data : null;
  return (
    <SourceSection
      name="registration"
      title={t('registration.title')}
      section={section}
      loadingText={t('registration.asking')}
      emptyText={t('registration.empty')}
    >
      {r?.unencrypted && (
        <p class="warning" role="note" data-field="unencrypted">
          {t('registration.unencrypted', { server: r.server })}
        </p>
      )}
      {r && ('domain' in r ? <DomainRegistration r={r} /> : <IpNetwork r={r} />)}
    </SourceSection>
  );
}
