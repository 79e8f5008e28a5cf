// The link suite against the web mount (see mounts.ts).
import './mount/web.js';
import './link.test.js';
