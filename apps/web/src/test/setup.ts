import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI shares two cores with the API's and the browser's suites: give findBy/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });
