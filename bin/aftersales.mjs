#!/usr/bin/env node
// The server and CLI are TypeScript run through tsx's loader: no separate build step for the backend.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
