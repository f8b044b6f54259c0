// welcome.html, opened once after install: what Hostlens does, what it sends to whom, and a sample
// article to try it on (marked and carded by the same code as every page).
import { Component, type ComponentChildren } from 'preact';
import { plural, t } from '@/utils/i18n/messages';

/** A message whose `**…**` parts are bold; `id` goes on the first bold part. */
function withBold(message: string, id?: string): ComponentChildren {
  return message.split('**').map((part, i) =>
    i % 2 ? (
      <strong key={i} id={i === 1 ? id : undefined}>
        {part}
      </strong>
    ) : (
      part
    ),
  );
}

/**
 * The sample story, a quoted news text, stays in English (`lang="en"`) in every language. The
 * marking code rewrites its DOM, so Preact renders it once and never diffs it again.
 */
class SampleArticle extends Component {
  override shouldComponentUpdate() {
    return false;
  }

  override render() {
    return (
      <article id="sample-article" class="sample-article" lang="en" aria-label={t('welcome.sampleLabel')}>
        <h3>A server that talked to a bank</h3>
        <p>
          In 2016, computer scientists said a server of the Trump Organization, mail1.trump-email.com, was
          looked up again and again by servers of Alfa Bank. Its address, 66.216.133.29, belonged to Listrak
          (listrak.com), a marketing e-mail company working for Cendyn (cendyn.com).
        </p>
        <p>
          Days after the story ran, the name stopped resolving, and a new name, trump1.contact-client.com,
          began pointing at the same address. Researchers published their notes at
          hxxps://researchers[.]example[.]org — Hostlens reads such “defanged” names too.
        </p>
      </article>
    );
  }
}

/** `sampleCount`: the hosts marked in the sample article so far. */
export function WelcomePage({ sampleCount }: { sampleCount: number }) {
  return (
    <main class="welcome">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <h2>{t('welcome.tryHeading')}</h2>
      <p>
        {t('welcome.sampleStory')} {withBold(plural('welcome.sampleFound', sampleCount), 'sample-count')}{' '}
        {t('welcome.sampleHint')}
      </p>
      <SampleArticle />
      <h2>{t('welcome.sendsHeading')}</h2>
      <ul>
        <li>
          <strong>{t('welcome.sendsNothing')}</strong> {t('welcome.sendsNothingDetail')}
        </li>
        <li>{withBold(t('welcome.sendsLookup'))}</li>
        <li>{t('welcome.sendsKeys')}</li>
        <li>{t('welcome.sendsWatched')}</li>
      </ul>
      <h2>{t('welcome.limitsHeading')}</h2>
      <p>{t('welcome.limits')}</p>
      <p>
        <a href="/options.html">{t('welcome.openSettings')}</a> ·{' '}
        <a href="/watchlist.html">{t('welcome.openWatchlist')}</a>
      </p>
    </main>
  );
}
