import { render } from 'preact';
import { PopupApp } from '@/components/popup-app';
import '@/components/hostlens.css';

render(<PopupApp params={new URLSearchParams(location.search)} />, document.getElementById('app')!);
