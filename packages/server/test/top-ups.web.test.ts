// The top-ups suite against the web mount (see mounts.ts).
import './mount/web.js';
import './top-ups.test.js';
