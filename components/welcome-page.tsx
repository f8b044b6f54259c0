// welcome.html, opened once after install: what Hostlens does, what it sends to whom, and a sample
// article to try it on (marked and carded by the same code as every page).
export function WelcomePage() {
  return (
    <main class="welcome">
      <h1>Welcome to Hostlens</h1>
      <p>
        News stories are often built on host names and addresses — a mail server, a domain, an IP. Hostlens
        marks every one of them in the article you read, and lets you check them yourself: their live DNS,
        what they resolved to in the past, who registered them, and what changes later.
      </p>
      <h2>Try it here</h2>
      <p>
        The story below is ours, retold from 2016. Hostlens found <strong id="sample-count">0</strong> hosts
        in it. Rest the pointer on a marked name (or press Alt+Shift+H on a page, then Tab) to open its card.
      </p>
      <article id="sample-article" class="sample-article" aria-label="Sample article">
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
      <h2>What Hostlens sends, and to whom</h2>
      <ul>
        <li>
          <strong>Reading a page sends nothing.</strong> Hosts are found and marked inside your browser; no
          page address or text ever leaves it.
        </li>
        <li>
          When you open a card or look a host up, <strong>only the host name</strong> (or address) goes to
          your DNS resolver (Cloudflare by default; change it in Settings) and to the history sources that are
          on: Mnemonic for passive DNS, the domain’s registry through IANA’s lists (or rdap.org) for
          registration, Cert Spotter and crt.sh for certificates.
        </li>
        <li>Sources that need an API key are off until you add one; keys stay on this computer.</li>
        <li>Watched hosts are re-checked on a schedule you choose, with the same sources.</li>
      </ul>
      <h2>What the sources can and cannot show</h2>
      <p>
        Passive DNS shows what a name resolved to and when — never who looked it up. Hostlens’s resolver may
        get a different answer than your browser did. Each card says which source said what.
      </p>
      <p>
        <a href="/options.html">Open Settings</a> · <a href="/watchlist.html">Open the watchlist</a>
      </p>
    </main>
  );
}
