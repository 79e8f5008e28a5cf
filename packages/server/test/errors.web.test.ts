// The errors suite against the web mount (see mounts.ts).
import './mount/web.js';
import './errors.test.js';
