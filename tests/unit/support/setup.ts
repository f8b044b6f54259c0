// Runs before every unit test file: the fake browser speaks English (en-US), as CI's browser does.
import { useLanguage } from './i18n-messages';

await useLanguage('en');
