import { Document, Packer } from 'docx';
import type { DocumentModel } from '../../../shared/document/model.ts';
import { PAGE } from '../../../shared/document/typography.ts';
import { documentBody } from './body.ts';
import { fontTableXml } from './fonts.ts';
import { draftMarkHeaders, FOOTER_DISTANCE_TWIPS, pageNumberFooters } from './footer.ts';
import { documentStyles } from './styles.ts';
import { twipsFromMm } from './units.ts';

/**
 * Renders the document model as a DOCX file: A4 with the GB/T 9704 type area, the
 * official faces with Windows substitutes, the three tables in the official grid, page
 * numbers `— 1 —` alternating sides. No tracked changes, no macros, no fields other
 * than PAGE.
 */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const document = new Document({
    title: model.properties.title,
    subject: model.properties.subject,
    creator: model.properties.author,
    lastModifiedBy: model.properties.author,
    styles: documentStyles,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsFromMm(PAGE.widthMm), height: twipsFromMm(PAGE.heightMm) },
            margin: {
              top: twipsFromMm(PAGE.marginTopMm),
              bottom: twipsFromMm(PAGE.marginBottomMm),
              left: twipsFromMm(PAGE.marginLeftMm),
              right: twipsFromMm(PAGE.marginRightMm),
              header: twipsFromMm(PAGE.marginTopMm / 2),
              footer: FOOTER_DISTANCE_TWIPS,
            },
          },
        },
        footers: pageNumberFooters(),
        ...(model.draftMark ? { headers: draftMarkHeaders(model.draftMark) } : {}),
        children: documentBody(model),
      },
    ],
  });
  return Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
