/** Imported first by a suite file to run that suite against the express4 mount. */
import { useMount } from '../mounts.js';

useMount('express4');
