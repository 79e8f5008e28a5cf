/**
 * Story tests: each story renders with the same annotations as in Storybook (the global
 * `<PurseProvider>` decorator, parameters, globals) plus the a11y addon's, so its axe check runs
 * after the `play` function and a violation fails the test (`parameters.a11y.test = 'error'`).
 */
import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as projectAnnotations from './preview.js';

setProjectAnnotations([a11yAddonAnnotations, projectAnnotations]);
