import type { DocBlock, DocParagraph, DocumentModel, LeadLevel } from '../document/model.ts';
import { escapeHtml } from '../print/escape.ts';
import { WEB_STYLESHEET } from './webStylesheet.ts';
import { webTableHtml } from './webTable.ts';

/**
 * The report as one self-contained web page for a government website: what a
 * webmaster uploads or pastes into the site's CMS. Headings, paragraphs and real tables
 * from the document model (the one DOCX and print render); no script, no font file, no
 * reference to any other file, so it reads the same with or without its little CSS.
 */

/** A structure heading standing alone (`（一）主动公开情况`) is a heading below its section's. */
const HEADING_TAGS: Readonly<Partial<Record<LeadLevel, string>>> = { level2: 'h3', level3: 'h4', level4: 'h5' };

function paragraphHtml(paragraph: DocParagraph): string {
  const { lead, text } = paragraph;
  const headingTag = lead && !text ? HEADING_TAGS[lead.level] : undefined;
  if (lead && headingTag) return `<${headingTag}>${escapeHtml(lead.text)}</${headingTag}>`;
  // A 楷体 lead running into its paragraph stands out in print; on the web it is bold.
  const leadHtml = !lead ? '' : lead.level === 'level2' ? `<strong>${escapeHtml(lead.text)}</strong>` : escapeHtml(lead.text);
  return `<p${paragraph.flush ? ' class="flush"' : ''}>${leadHtml}${escapeHtml(text)}</p>`;
}

function blockHtml(block: DocBlock): string {
  return block.kind === 'table' ? webTableHtml(block) : paragraphHtml(block);
}

function signatureHtml(signature: DocumentModel['signature']): string {
  if (!signature) return '';
  const lines = [signature.agency, signature.date].filter((line): line is string => line !== undefined);
  return `<div class="signature">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
}

export function renderWebHtml(model: DocumentModel): string {
  const sections = model.sections.map(
    (section) => `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.blocks.map(blockHtml).join('\n')}\n</section>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.properties.title)}</title>
<meta name="author" content="${escapeHtml(model.properties.author)}">
<meta name="description" content="${escapeHtml(model.properties.subject)}">
<style>
${WEB_STYLESHEET}</style>
</head>
<body>
<article class="nianbao-report">
<h1>${escapeHtml(model.title)}</h1>
${[...model.preamble.map(paragraphHtml), ...sections, signatureHtml(model.signature)].filter(Boolean).join('\n')}
</article>
</body>
</html>
`;
}
