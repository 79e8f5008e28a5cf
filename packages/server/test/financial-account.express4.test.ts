// The financial-account suite against the express4 mount (see mounts.ts).
import './mount/express4.js';
import './financial-account.test.js';
