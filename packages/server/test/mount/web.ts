/** Imported first by a suite file to run that suite against the web mount. */
import { useMount } from '../mounts.js';

useMount('web');
