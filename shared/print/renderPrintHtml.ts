import type { DocBlock, DocParagraph, DocumentModel } from '../document/model.ts';
import { signatureIndents } from '../document/signature.ts';
import { BODY_CHAR_PT, pageNumberText } from '../document/typography.ts';
import { escapeHtml } from './escape.ts';
import { bundledStylesheetUrls } from './fonts.ts';
import { printStylesheet } from './stylesheet.ts';
import { tableHtml } from './table.ts';

/**
 * The print layout: one HTML document (with its CSS) for a report's document model.
 * The app's preview, printing and PDF export all show exactly this.
 */

export interface PrintOptions {
  /**
   * URL of the font root that holds the bundled fonts' packages (see services/fonts):
   * `app://fonts/` in the app, a `file://` URL of a directory in Node.
   */
  readonly fontBaseUrl: string;
}

function paragraphHtml(paragraph: DocParagraph): string {
  const lead = paragraph.lead ? `<span class="lead-${paragraph.lead.level}">${escapeHtml(paragraph.lead.text)}</span>` : '';
  const standsAlone = paragraph.lead !== undefined && !paragraph.text;
  const classes = [standsAlone ? 'heading' : '', paragraph.flush ? 'flush' : ''].filter(Boolean).join(' ');
  return `<p${classes ? ` class="${classes}"` : ''}>${lead}${escapeHtml(paragraph.text)}</p>`;
}

function blockHtml(block: DocBlock): string {
  return block.kind === 'table' ? tableHtml(block) : paragraphHtml(block);
}

/** Agency and date right-aligned after one blank line, indented as GB/T 9704 7.3.5.2 says. */
function signatureHtml(signature: DocumentModel['signature']): string {
  if (!signature) return '';
  const indents = signatureIndents(signature);
  const lines = [
    { text: signature.agency, indent: indents.agency },
    { text: signature.date, indent: indents.date },
  ].filter((line): line is { text: string; indent: number } => line.text !== undefined);
  const html = lines.map((line) => `<p style="padding-right: ${line.indent * BODY_CHAR_PT}pt">${escapeHtml(line.text)}</p>`);
  return `<div class="signature">${html.join('')}</div>`;
}

/** Every glyph a page number can use (see `.font-preload` in the stylesheet). */
const PAGE_NUMBER_GLYPHS = pageNumberText(1234567890);

export function renderPrintHtml(model: DocumentModel, options: PrintOptions): string {
  const fontLinks = bundledStylesheetUrls(options.fontBaseUrl).map((url) => `<link rel="stylesheet" href="${escapeHtml(url)}">`);
  const sections = model.sections.map(
    (section) => `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.blocks.map(blockHtml).join('\n')}\n</section>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.properties.title)}</title>
<meta name="author" content="${escapeHtml(model.properties.author)}">
<meta name="description" content="${escapeHtml(model.properties.subject)}">
${fontLinks.join('\n')}
<style>
${printStylesheet(options.fontBaseUrl, model.draftMark)}</style>
</head>
<body>
<h1>${model.titleLines.map(escapeHtml).join('<br>')}</h1>
${model.preamble.map(paragraphHtml).join('\n')}
${sections.join('\n')}
${signatureHtml(model.signature)}
<div class="font-preload" aria-hidden="true">${PAGE_NUMBER_GLYPHS}${model.draftMark ? `<span class="draft">${escapeHtml(model.draftMark)}</span>` : ''}</div>
</body>
</html>
`;
}
