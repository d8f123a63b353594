/**
 * The web page's own few rules, all under `.nianbao-report` so that a CMS page the
 * report is pasted into keeps its styles. No font files: the reader's serif face; the
 * page reads the same without any of this (headings, paragraphs, tables in order).
 */
export const WEB_STYLESHEET = `.nianbao-report {
  max-width: 60em;
  margin: 2em auto;
  padding: 0 1em;
  color: #000;
  background: #fff;
  font-family: serif;
  line-height: 1.8;
}
.nianbao-report h1 { font-size: 1.6em; text-align: center; line-height: 1.4; }
.nianbao-report h2 { font-size: 1.2em; margin: 1.2em 0 0.6em; }
.nianbao-report h3, .nianbao-report h4, .nianbao-report h5 { font-size: 1em; margin: 0.6em 0 0; text-indent: 2em; }
.nianbao-report p { margin: 0.3em 0; text-indent: 2em; }
.nianbao-report p.flush { text-indent: 0; }
.nianbao-report table { width: 100%; margin: 0.6em 0 1.2em; border-collapse: collapse; font-size: 0.875em; line-height: 1.5; }
.nianbao-report caption { padding: 0.3em; font-weight: bold; }
.nianbao-report th, .nianbao-report td { padding: 0.2em 0.3em; border: 1px solid #000; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
.nianbao-report th[scope="row"] { text-align: left; }
.nianbao-report .signature { margin-top: 1.8em; text-align: right; }
.nianbao-report .signature p { margin: 0; text-indent: 0; }
`;
