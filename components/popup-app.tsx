// The toolbar popup. `?host=` opens a host's detail view directly (used by "Open details");
// `?tabId=N` names the tab whose hosts the "On this page" list shows (Detection issue).
import { useEffect } from 'preact/hooks';
import { HostDetail } from './host-detail';
import { LookupForm } from './lookup-form';
import { useHostLookup } from './use-host-lookup';

export function PopupApp({ params }: { params: URLSearchParams }) {
  const initialHost = params.get('host') ?? '';
  const { state, lookUp } = useHostLookup();
  useEffect(() => {
    if (initialHost) void lookUp(initialHost);
  }, [initialHost, lookUp]);

  return (
    <main class="popup">
      <header class="app-header">
        <h1>Hostlens</h1>
        <a href="/options.html" target="_blank" rel="noopener">
          Settings
        </a>
      </header>
      <LookupForm initial={initialHost} onLookup={(input) => void lookUp(input)} />
      <HostDetail state={state} onRefresh={() => state.phase !== 'idle' && void lookUp(state.input, true)} />
    </main>
  );
}
