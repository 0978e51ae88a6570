import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { loadAllTexts } from './texts';

// CI shares two cores with the API's and the browser's suites: give findBy/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });

// Production loads texts by area as pages ask (app/i18n.ts); tests take them all up front, so
// switching language in a test is synchronous (setLanguage inside act).
beforeAll(() => loadAllTexts());
