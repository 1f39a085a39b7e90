import './mailbox-stats.js';
import './interchange.js';
import { builder } from '../builder.js';

export const schema = builder.toSchema();
