// `npm run build`: a production build that `npm start` and the tests recognise as of the current source.
import process from 'node:process';
import { buildProduction } from './production-build.mjs';

process.exit(buildProduction(process.cwd()));
