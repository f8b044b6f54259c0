import { render } from 'preact';
import { OptionsApp } from '@/components/options-app';
import { t } from '@/utils/i18n/messages';
import '@/components/hostlens.css';

// The HTML <title> is the English fallback until this runs.
document.title = t('options.title');
render(<OptionsApp />, document.getElementById('app')!);
