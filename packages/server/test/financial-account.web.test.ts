// The financial-account suite against the web mount (see mounts.ts).
import './mount/web.js';
import './financial-account.test.js';
