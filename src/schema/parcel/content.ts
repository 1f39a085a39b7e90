/** ParcelContent and `Parcel.content`: a parcel's file, downloaded (never confirmed) and decoded. */
import type { ParcelFile } from '../../upstream/records/parcel.js';
import { builder } from '../builder.js';
import { Parcel } from './parcel.js';

interface Content {
  readonly fileName: ParcelFile['fileName'];
  readonly content: Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const ParcelContent = builder.objectRef<Content>('ParcelContent').implement({
  description: "A parcel's file as POST /v2/parcels/download returns it, decoded. Downloading does not confirm the parcel.",
  fields: (t) => ({
    fileName: t.field({
      type: 'String',
      nullable: true,
      description: 'The file name ECGrid sent with the download (sender-chosen; not a safe path).',
      // A bad value is an Error: GraphQL answers null with that error at this field.
      resolve: (file) => file.fileName as string | null,
    }),
    bytes: t.field({ type: 'SafeInt', nullable: true, description: 'The size of the decoded file in bytes (always known; nullable as the contract has it).', resolve: (file) => file.content.length }),
    base64: t.string({ description: 'The file, base64-encoded (RFC 4648).', resolve: (file) => file.content.toString('base64') }),
    text: t.string({
      nullable: true,
      description: 'The file as text when it is valid UTF-8 (X12, EDIFACT and XML usually are); null otherwise (PDF, binary): use `base64`.',
      resolve: (file) => {
        try {
          return utf8.decode(file.content);
        } catch {
          return null;
        }
      },
    }),
  }),
});

builder.objectField(Parcel, 'content', (t) =>
  t.field({
    type: ParcelContent,
    nullable: true,
    description:
      'The file (POST /v2/parcels/download), one ECGrid call; null when ECGrid finds no such parcel. It never confirms the ' +
      'download. A file over MAX_CONTENT_BYTES is refused with PAYLOAD_TOO_LARGE, without a call when `bytes` already shows it.',
    resolve: async (parcel, _args, context) => {
      const parcelId = parcel.parcelId;
      if (parcelId instanceof Error) throw parcelId;
      const bytes = parcel.bytes instanceof Error ? undefined : parcel.bytes;
      const file = await context.ecgrid.parcelContent.load(parcelId, bytes);
      return file === null ? null : { fileName: file.fileName, content: file.content };
    },
  }),
);
