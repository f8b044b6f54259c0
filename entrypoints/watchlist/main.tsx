import { render } from 'preact';
import { WatchlistPage } from '@/components/watchlist-page';
import '@/components/hostlens.css';

render(<WatchlistPage />, document.getElementById('app')!);
