import { render } from 'preact';
import { WatchlistPage } from '@/components/watchlist-page';
import '@/components/hostlens.css';
import { t } from '@/utils/i18n/messages';

document.title = t('watchlist.pageTitle');

render(<WatchlistPage />, document.getElementById('app')!);
