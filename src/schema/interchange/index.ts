/** The interchange family: the Interchange type, the inbox/outbox connections and the `interchange` root field. */
import './interchange.js';
import './lists.js';
import './lookup.js';
