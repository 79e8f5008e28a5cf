// The live suite against the web mount (see mounts.ts).
import './mount/web.js';
import './live.test.js';
