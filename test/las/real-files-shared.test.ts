/**
 * The real LAS files that may not be redistributed: read from /work/shared/data/las, each test
 * skipped with the reason printed when that folder is absent. See real-files-fixtures.test.ts.
 */
import { REAL_FILES } from './real-files.ts';
import { realFileSuite } from './real-files-suite.ts';

realFileSuite(REAL_FILES.filter((f) => !f.fixture).map((f) => f.name));
