// The accounts suite against the web mount (see mounts.ts).
import './mount/web.js';
import './accounts.test.js';
