import { UNSAFE_TEXT_MESSAGE } from '@motcua/shared';
import { toProblem } from './problem.filter.js';
import { unsafeUrlErrors } from './safe-input.middleware.js';

describe('unsafeUrlErrors: the request target at the edge', () => {
  it('lets clean paths and queries through, Vietnamese and + as space included', () => {
    expect(unsafeUrlErrors('/api/v1/procedures?q=%C4%91%C4%83ng+k%C3%BD&page=1&flag')).toEqual([]);
    expect(unsafeUrlErrors('/api/v1/tracking/000.00.12.H17-261127-0001')).toEqual([]);
  });

  it('names the query parameter whose value has broken percent-encoding, a NUL or an encoded surrogate', () => {
    expect(unsafeUrlErrors('/x?q=%E0%A4%A')).toEqual([{ field: 'q', message: 'Invalid percent-encoding' }]);
    expect(unsafeUrlErrors('/x?a=1&q=khai%00sinh')).toEqual([{ field: 'q', message: UNSAFE_TEXT_MESSAGE }]);
    expect(unsafeUrlErrors('/x?from=%ED%A0%80')).toEqual([{ field: 'from', message: 'Invalid percent-encoding' }]);
    expect(unsafeUrlErrors('/x?%zz=1').map((e) => e.field)).toEqual(['%zz']);
  });

  it('refuses a path segment that does not decode or decodes to a NUL', () => {
    expect(unsafeUrlErrors('/api/v1/tracking/%E0%A4%A')).toEqual([
      { field: 'path', message: "Invalid percent-encoding in '%E0%A4%A'" },
    ]);
    expect(unsafeUrlErrors('/api/v1/tracking/%')[0].field).toBe('path');
    expect(unsafeUrlErrors('/api/v1/tracking/A%00B')).toEqual([
      { field: 'path', message: `${UNSAFE_TEXT_MESSAGE} in 'A%00B'` },
    ]);
  });
});

describe('toProblem: a URIError is the client’s text, never a 500', () => {
  it('maps a bare URIError (thrown by decodeURIComponent anywhere) to 400', () => {
    let error: unknown;
    try {
      decodeURIComponent('%E0%A4%A');
    } catch (e) {
      error = e;
    }
    expect(toProblem(error, '/x')).toMatchObject({ status: 400, code: 'BAD_REQUEST', instance: '/x' });
  });
});
