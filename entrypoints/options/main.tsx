import { render } from 'preact';
import { OptionsApp } from '@/components/options-app';
import '@/components/hostlens.css';

render(<OptionsApp />, document.getElementById('app')!);
