/**
 * The real LAS files copied into test/fixtures/las (their licences allow it). The other share,
 * read from /work/shared/data/las, is real-files-shared.test.ts: two files so two workers share the
 * work (about 7 MB of LAS each).
 */
import { REAL_FILES } from './real-files.ts';
import { realFileSuite } from './real-files-suite.ts';

realFileSuite(REAL_FILES.filter((f) => f.fixture).map((f) => f.name));
