/** The report family: status lists, mailbox totals, traffic, interchange and instant statistics. */
import './status-lists.js';
import './mailbox-summary.js';
import './traffic-stats.js';
import './interchange-stats.js';
import './instant-stats.js';
