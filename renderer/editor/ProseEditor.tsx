import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Button, Dropdown, Tag } from 'antd';
import type { SectionDef } from '../../shared/format/index.ts';
import { percentText } from '../../shared/text/overlap.ts';
import type { Overlap } from '../../shared/text/overlap.ts';
import { countCharacters, insertParagraph, uneditedStarters } from './starterMarks.ts';
import type { TextRange } from './starterMarks.ts';

/** A sentence written from the figures, offered for insertion (undefined while figures are missing). */
export interface FigureSentenceOffer {
  readonly key: string;
  readonly label: string;
  readonly text: string | undefined;
}

interface ProseEditorProps {
  readonly section: SectionDef;
  readonly text: string;
  readonly onChange: (text: string) => void;
  /** How much of the text is still last year's, and where (marked until rewritten). */
  readonly carried?: Overlap | undefined;
  readonly sentences?: readonly FigureSentenceOffer[];
  /** The section's starters with the figures the app knows filled in (default: as the format words them). */
  readonly starters?: readonly string[];
}

/** The starter's first line, as offered in the menu. */
function starterTitle(starter: string): string {
  const firstLine = starter.split('\n')[0]!;
  return firstLine.length > 28 ? `${firstLine.slice(0, 28)}…` : firstLine;
}

/** The text with unedited starters marked, drawn behind the (transparent) textarea. */
function marked(text: string, starters: readonly string[], carried: readonly TextRange[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = 0;
  const ranges = [
    ...uneditedStarters(text, starters).map((range) => ({ ...range, className: undefined })),
    ...carried.map((range) => ({ ...range, className: 'nb-carried' })),
  ].sort((a, b) => a.start - b.start);
  for (const range of ranges) {
    if (range.start < at) continue;
    nodes.push(text.slice(at, range.start), <mark key={range.start} className={range.className}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  nodes.push(text.slice(at), '\u200b');
  return nodes;
}

/**
 * A plain editor for long Chinese prose: the text is kept exactly as typed (headings such
 * as （一） and 1. included), with a character count and the section's starter paragraphs,
 * which stay marked until the user rewrites them.
 */
export function ProseEditor({ section, text, onChange, carried, sentences = [], starters = section.starters }: ProseEditorProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | undefined>(undefined);
  const unedited = uneditedStarters(text, starters).length;

  const insert = (starter: string): void => {
    const at = caret.current ?? text.length;
    const next = insertParagraph(text, Math.min(at, text.length), starter);
    onChange(next.text);
    caret.current = next.caret;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  return (
    <div className="nb-prose-block">
      <div className="nb-prose-toolbar">
        {starters.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: starters.map((starter, i) => ({ key: String(i), label: starterTitle(starter) })),
              onClick: ({ key }) => insert(starters[Number(key)]!),
            }}
          >
            <Button data-action="insert-starter">插入示例段落</Button>
          </Dropdown>
        )}
        {sentences.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: sentences.map((s) => ({ key: s.key, label: s.text ? s.label : `${s.label}（相关数字未填完整）`, disabled: !s.text })),
              onClick: ({ key }) => insert(sentences.find((s) => s.key === key)!.text!),
            }}
          >
            <Button data-action="insert-sentence">插入数据句</Button>
          </Dropdown>
        )}
        {carried && carried.characters > 0 && (
          <Tag color={carried.share > 0.5 ? 'red' : carried.share > 0.3 ? 'orange' : 'default'} data-testid="repeat-share">
            与上年重复 {percentText(carried.share)}
          </Tag>
        )}
        {unedited > 0 && (
          <Tag color="gold" className="nb-starter-note">
            黄色底纹的{unedited}段示例文字尚未修改，请按本单位实际情况改写，并替换【】
          </Tag>
        )}
        <span className="nb-prose-count" data-testid="char-count">
          共 {countCharacters(text)} 字
        </span>
      </div>
      <div className="nb-prose">
        <div className="nb-prose-backdrop" aria-hidden="true">
          {marked(text, starters, carried?.ranges ?? [])}
        </div>
        <textarea
          ref={textarea}
          className="nb-prose-input"
          data-section-editor={section.key}
          aria-label={section.heading}
          placeholder={starters.length ? '在此输入正文，或点击“插入示例段落”从示例开始改写。' : '在此输入正文。'}
          spellCheck={false}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onSelect={(e) => {
            caret.current = e.currentTarget.selectionEnd;
          }}
        />
      </div>
    </div>
  );
}
