/** The parcel family: the Parcel type, its lists, lookup, manifests and content, and the links from Interchange. */
import './parcel.js';
import './lists.js';
import './lookup.js';
import './manifest.js';
import './content.js';
