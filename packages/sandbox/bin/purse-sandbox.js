#!/usr/bin/env node
// The CLI lives in the build; this shim exists before the first build, so installs never warn.
import '../dist/cli.js';
